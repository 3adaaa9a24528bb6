package check

import (
	"strings"
	"testing"

	mlast "github.com/multilingualprogramming/multilingual/core/ast"
)

// TestMessagesInLanguages checks programs that parse but that Python
// rejects, and expects each error in the program's language, with its
// keywords spelled as the program spells them.
func TestMessagesInLanguages(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"en", "return 1\n", "t.ml:1:1: 'return' outside function"},
		{"fr", "retour 1\n", "t.ml:1:1: 'retour' en dehors d'une fonction"},
		{"fr", "supprimer __debug__\n", "t.ml:1:11: impossible de supprimer __debug__"},
		{"ja", "戻る 1\n", "t.ml:1:1: '戻る' は関数の外では使えません"},
		{"es", "romper\n", "t.ml:1:1: 'romper' fuera de un bucle"},
		{"it", "continua\n", "t.ml:1:1: 'continua' fuori da un ciclo"},
		{"hi", "अस्थानीय x\n", "t.ml:1:1: मॉड्यूल स्तर पर अस्थानीय घोषणा की अनुमति नहीं है"},
		{"de", "konst N = 1\nN = 2\n", "t.ml:2:1: Zuweisung an die Konstante 'N' nicht möglich (in Zeile 1 als konst deklariert)"},
		{"zh", "函数 f():\n    返回 [(产出) 对于 x 里 y]\n", "t.ml:2:10: '产出' 位于列表推导式中"},
		{"ar", "لكل x في y:\n    مرر\nوإلا:\n    توقف\n", "t.ml:4:5: 'توقف' خارج حلقة"},
		{"pl", "funkcja f(a, a):\n    pomin\n", "t.ml:1:14: powtórzony argument 'a' w definicji funkcji"},
		{"fi", "maarittele f(x):\n    globaali x\n", "t.ml:2:5: nimi 'x' on sekä parametri että globaali"},
		{"bn", "সংজ্ঞা f():\n    x = 1\n    বিশ্বব্যাপী x\n", "t.ml:3:5: নাম 'x'-এ বিশ্বব্যাপী ঘোষণার আগে মান নির্ধারণ করা হয়েছে"},
		{"ta", "விளை 1\n", "t.ml:1:1: 'விளை' செயல்பாட்டுக்கு வெளியே"},
		{"nl", "f(x=1, x=2)\n", "t.ml:1:8: sleutelwoordargument herhaald: x"},
		{"sv", "definiera f():\n    ickelokal x\n", "t.ml:2:5: ingen bindning hittades för ickelokal 'x'"},
		{"da", "importer m\nfra __future__ importer annotations\n", "t.ml:2:1: import fra __future__ skal stå i begyndelsen af filen"},
		{"pt", "defina f():\n    de m importe *\n", "t.ml:2:5: importe * só é permitido no nível do módulo"},
	}
	for _, tt := range tests {
		_, got := checkSrc(t, tt.code, tt.src)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.code, tt.src, got, tt.want)
		}
	}
}

// TestTargetWhat checks the words naming what cannot be assigned or
// deleted (trees the parser would reject, built by hand).
func TestTargetWhat(t *testing.T) {
	tests := []struct {
		code string
		e    mlast.Expr
		want string
	}{
		{"en", &mlast.Call{}, "function call"},
		{"en", &mlast.IntLit{}, "literal"},
		{"en", &mlast.Binary{}, "expression"},
		{"fr", &mlast.Call{}, "un appel de fonction"},
		{"ja", &mlast.StrLit{}, "リテラル"},
		{"pl", &mlast.Call{}, "wywołania funkcji"},
	}
	for _, tt := range tests {
		c := &checker{code: tt.code}
		if got := c.targetWhat(tt.e); got != tt.want {
			t.Errorf("%s %T: got %q, want %q", tt.code, tt.e, got, tt.want)
		}
	}
	if got, want := message("de", msgBadDelete, message("de", wordCall)), "kann einen Funktionsaufruf nicht löschen"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
