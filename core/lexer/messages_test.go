package lexer

import (
	"fmt"
	"testing"
)

// TestMessagesInLanguages scans bad programs and checks that the errors
// come in the program's language, with its own keywords and tokens.
func TestMessagesInLanguages(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"en", "x = 3 € 4\n", "1:7: unexpected character '€'"},
		{"fr", "x = 3 € 4\n", "1:7: caractère inattendu '€'"},
		{"ja", "x = 3 € 4\n", "1:7: 予期しない文字 '€'"},
		{"zh", "s = \"abc\n", "1:5: 字符串未结束"},
		{"de", "s = \"abc\n", "1:5: nicht abgeschlossene Zeichenkette"},
		{"hi", "x = 0123\n", "1:5: दशमलव पूर्णांकों के आरंभ में शून्य लिखने की अनुमति नहीं है; अष्टाधारी संख्या के लिए 0o लिखें"},
		{"ar", "x = (1, 2]\n", "1:10: الإغلاق ']' لا يطابق الفتح '('"},
		{"es", "x = (1, 2\n", "1:5: '(' nunca se cerró"},
		{"ta", "x = 1)\n", "1:6: ')' க்குப் பொருந்தும் திறப்பு இல்லை"},
		{"pl", "s = '\\x1'\n", "1:6: nieprawidłowa sekwencja ucieczki '\\x1'"},
		{"fi", "s = f'{x!z}'\n", "1:10: f-merkkijono: virheellinen muunnosmerkki 'z': odotettiin 's', 'r' tai 'a'"},
		{"bn", "s = f'{x'\n", "1:9: f-স্ট্রিং: '}' প্রত্যাশিত"},
		{"sv", "s = b'å'\n", "1:7: en bytes-literal får bara innehålla ASCII-tecken"},
		{"nl", "x = 0b12\n", "1:5: ongeldige getalliteral '0b12'"},
		{"it", "s = '\\N{DASH}'\n", "1:6: nome di carattere Unicode sconosciuto 'DASH' in \\N{...}"},
		{"da", "hvis x:\n\thvis y:\n        z\n", "3:1: inkonsekvent brug af tabulatorer og mellemrum i indrykningen"},
	}
	for _, tt := range tests {
		_, errs := Scan("t.ml", tt.src, mustLang(t, tt.code))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Start.Line, e.Start.Col, e.Msg))
		}
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.code, tt.src, got, tt.want)
		}
	}
}

func TestQuoteRune(t *testing.T) {
	if got := message("fr", msgUnexpectedChar, quoteRune('€')); got != "caractère inattendu '€'" {
		t.Errorf("got %q", got)
	}
	if got := message("de", msgUnexpectedChar, quoteRune('\u200b')); got != "unerwartetes Zeichen U+200B" {
		t.Errorf("got %q", got)
	}
}
