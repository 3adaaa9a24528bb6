package fallback

import (
	"encoding/hex"
	"math"
	"strings"
	"testing"
)

func TestIntLiteral(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"0", "0", false},
		{"007", "7", false}, // Python rejects leading zeros
		{"000", "0", false},
		{"123456789012345678901234567890", "123456789012345678901234567890", false},
		{"-5", "-5", false},
		{"", "", true},
		{"12a", "", true},
		{"1_000", "", true},
		{"0x10", "", true},
	}
	for _, tt := range tests {
		got, err := intLiteral(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("intLiteral(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestFloatLiteral(t *testing.T) {
	tests := []struct {
		text  string
		value float64
		want  string
		err   bool
	}{
		{"1.5", 1.5, "1.5", false},
		{"1.5e3", 1500, "1.5e3", false},
		{"1E-3", 0.001, "1E-3", false},
		{"1.", 1, "1.", false},
		{".5", 0.5, ".5", false},
		{"007.5", 7.5, "007.5", false},
		{"1e400", math.Inf(1), "1e400", false},
		// Text Python would not read as a float: the value is written.
		{"1", 1, "1.0", false},
		{"", 0.1, "0.1", false},
		{"1_0.0", 10, "10.0", false},
		{"", 1e300, "1e+300", false},
		{"", math.Inf(1), "1e999", false},
		{"", math.NaN(), "", true},
		{"e5", 0, "0.0", false},
		{"1.e", 0, "0.0", false},
	}
	for _, tt := range tests {
		got, err := floatLiteral(tt.text, tt.value)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("floatLiteral(%q, %v) = %q, %v; want %q, error %v", tt.text, tt.value, got, err, tt.want, tt.err)
		}
	}
}

var stringCases = []string{
	"",
	"plain",
	`quote " and backslash \ and 'single'`,
	"new\nline\ttab\rcr",
	"nul\x00bell\x07del\x7f",
	"accents: é è ç, Devanagari: संख्या, kanji: 合計",
	"separators \u2028 \u2029 \u0085 nbsp\u00a0 bom\ufeff",
	"\u0301 combining at the start",
	"astral \U0001F600 and private \U000F0000",
	`\N{LATIN SMALL LETTER A} {braces} %d`,
	"lone surrogates \xed\xa0\x80 and \xed\xbf\xbf, as WTF-8",
}

func TestStringLiteral(t *testing.T) {
	for _, s := range stringCases {
		lit, err := stringLiteral(s)
		if err != nil {
			t.Fatalf("stringLiteral(%q): %v", s, err)
		}
		if strings.ContainsAny(lit[1:len(lit)-1], "\n\r\x00\u2028") {
			t.Errorf("stringLiteral(%q) = %q holds a raw line break or NUL", s, lit)
		}
	}
	for _, bad := range []string{"bad \xff byte", "cut \xed\xa0", "\xed\xa0\x41"} {
		if _, err := stringLiteral(bad); err == nil {
			t.Errorf("stringLiteral accepted invalid UTF-8 %q", bad)
		}
	}
}

// TestStringLiteralPython reads each literal back in Python and compares
// the UTF-8 bytes of the value with the Go string.
func TestStringLiteralPython(t *testing.T) {
	var mod strings.Builder
	mod.WriteString("values = [\n")
	for _, s := range stringCases {
		lit, _ := stringLiteral(s)
		mod.WriteString("    " + lit + ",\n")
	}
	mod.WriteString("]\n")
	out := runPython(t, mod.String(), "import mlmod\nfor v in mlmod.values:\n    print(v.encode('utf-8', 'surrogatepass').hex())\n")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(stringCases) {
		t.Fatalf("got %d values, want %d", len(lines), len(stringCases))
	}
	for i, s := range stringCases {
		if lines[i] != hex.EncodeToString([]byte(s)) {
			t.Errorf("Python read %s back for %q", lines[i], s)
		}
	}
}

func TestCommentText(t *testing.T) {
	if got := commentText("a\nb\xffc"); got != `a\nb�c` {
		t.Errorf("commentText = %q", got)
	}
}
