package parser

import (
	"strings"
	"testing"
	"time"

	"github.com/multilingualprogramming/multilingual/core/source"
)

// TestCommonWordKeywords checks programs that use, as names, words that
// are keywords of their language (core/lang's collision table lists them
// all): where the position makes the meaning clear, the program reads as
// the English (Python) program beside it.
func TestCommonWordKeywords(t *testing.T) {
	tests := []struct{ code, src, python string }{
		// Swedish and Danish i (in), Swedish ar (is), om (if), Danish og (and), er (is).
		{"sv", "i = 0\nfor i i intervall(3):\n    skriv(i i [1, 2], i)\nar = i ar Ingen\nom.x = 1\nom = [1]\n",
			"i = 0\nfor i in range(3):\n    print(i in [1, 2], i)\nar = i is None\nom.x = 1\nom = [1]\n"},
		{"da", "og = 1\ner = 2\nfor i i interval(og):\n    skriv(og og er, i, i i [i])\n",
			"og = 1\ner = 2\nfor i in range(og):\n    print(og and er, i, i in [i])\n"},
		// Spanish y (and), o (or), en (in), es (is), si (if) as names.
		{"es", "x, y = 1, 2\no = y o x\nen = [y y x, o en [o]]\nes = x es y\nsi = 3\nimprimir(x, y, o, en, es, si)\n",
			"x, y = 1, 2\no = y or x\nen = [y and x, o in [o]]\nes = x is y\nsi = 3\nprint(x, y, o, en, es, si)\n"},
		// Polish w (in) and z (with); Finnish on (is), ja (and).
		{"pl", "z = 1\nw = [z]\ndla z w w:\n    drukuj(z, z w w)\nz += 1\n",
			"z = 1\nw = [z]\nfor z in w:\n    print(z, z in w)\nz += 1\n"},
		{"fi", "on = 1\nja = 2\ntulosta(on ja ja, on on ja, [on jokaiselle on sisalla [ja]])\n",
			"on = 1\nja = 2\nprint(on and ja, on is ja, [on for on in [ja]])\n"},
		// Dutch en (and), of (or), als (if).
		{"nl", "en = 1\nof = 0\nals = en en of of en\nafdrukken(als, en, of)\n",
			"en = 1\nof = 0\nals = en and of or en\nprint(als, en, of)\n"},
		// Italian and Portuguese e (and), se (if), da/de (from).
		{"it", "e = 1\nse = e e e\nda = [e]\nstampa(se, da)\n", "e = 1\nse = e and e\nda = [e]\nprint(se, da)\n"},
		{"pt", "e = 1\nde = e e e\nse = de\nimprima(se, de, e)\n", "e = 1\nde = e and e\nse = de\nprint(se, de, e)\n"},
		// French phrases: `pour chaque dans` loops over chaque, `pas dans`
		// after an operand is `not in`, at an operand's place the name pas.
		{"fr", "chaque = 0\npour chaque dans [1, 2]:\n    afficher(chaque)\npas = 1\nafficher(pas dans [1], 2 pas dans [pas])\npour chaque x dans [3]:\n    afficher(x)\n",
			"chaque = 0\nfor chaque in [1, 2]:\n    print(chaque)\npas = 1\nprint(pas in [1], 2 not in [pas])\nfor x in [3]:\n    print(x)\n"},
		{"fr", "pour chaque, x dans [(1, 2)]:\n    afficher([chaque pour chaque dans [x]])\n", "for chaque, x in [(1, 2)]:\n    print([chaque for chaque in [x]])\n"},
		{"pt", "cada = [1]\npara cada em cada:\n    imprima(cada)\n", "cada = [1]\nfor cada in cada:\n    print(cada)\n"},
		// Japanese 変数 is both let and the builtin vars.
		{"ja", "変数 x = 1\n表示(変数(), x)\n", "x = 1\nprint(vars(), x)\n"},
	}
	en := mustLang(t, "en")
	for _, tt := range tests {
		l := mustLang(t, tt.code)
		f, errs := ParseFile("c.ml", tt.src, l)
		if len(errs) > 0 {
			t.Errorf("%s %q: %v", tt.code, tt.src, errs)
			continue
		}
		g, errs := ParseFile("c.py", tt.python, en)
		if len(errs) > 0 {
			t.Fatalf("%q: %v", tt.python, errs)
		}
		if a, b := DumpPython(g, en), DumpPython(f, l); a != b {
			t.Errorf("%s %q reads differently from %q:\n%s", tt.code, tt.src, tt.python, dumpDiff(a, b))
		}
	}
}

// TestCommonWordKeywordErrors checks the uses of such words that their
// position leaves ambiguous: one error at the word, naming its meanings.
func TestCommonWordKeywordErrors(t *testing.T) {
	tests := []struct {
		code, src string
		id        string
		args      []any
		at        source.Pos
	}{
		{"fi", "ei = 1\n", "parser.keyword_or_name", []any{"ei", "not"}, source.Pos{Line: 1, Col: 1}},
		{"sv", "ge += 1\n", "parser.keyword_or_name", []any{"ge", "yield"}, source.Pos{Line: 1, Col: 1}},
		{"fi", "tulosta(ei)\n", "parser.keyword_as_name", []any{"ei", "not"}, source.Pos{Line: 1, Col: 9}},
		{"es", "x = no\n", "parser.keyword_as_name", []any{"no", "not"}, source.Pos{Line: 1, Col: 5}},
		{"sv", "x = 1\nom(x)\n", "parser.keyword_or_name", []any{"om", "if"}, source.Pos{Line: 2, Col: 1}},
		{"pl", "z[0] = 1\n", "parser.keyword_or_name", []any{"z", "with"}, source.Pos{Line: 1, Col: 1}},
		{"es", "si(1)\n", "parser.keyword_or_name", []any{"si", "if"}, source.Pos{Line: 1, Col: 1}},
	}
	for _, tt := range tests {
		l := mustLang(t, tt.code)
		_, errs := ParseFile("c.ml", tt.src, l)
		want := message(tt.code, msgID(tt.id), tt.args...)
		if len(errs) != 1 || errs[0].Msg != want || errs[0].Start != tt.at {
			t.Errorf("%s %q: got %v\nwant %v: %s", tt.code, tt.src, errs, tt.at, want)
		}
	}
	// A real if statement with an error keeps its own message.
	_, errs := ParseFile("c.ml", "om (x > 1)\n    skriv(x)\n", mustLang(t, "sv"))
	if len(errs) == 0 || errs[0].Msg == message("sv", msgKeywordOrName, "om", "if") {
		t.Errorf("if without ':' in Swedish: %v", errs)
	}
}

// TestManyFailingLinesStayLinear parses programs with an error on each of
// 20000 lines, where the parser tries the other readings of a line
// (keyword or name, extension word): a generous bound catches a
// quadratic blow-up (copying the tokens, or reading the source again, for
// each error took 19 s for 4000 lines).
func TestManyFailingLinesStayLinear(t *testing.T) {
	for _, tt := range []struct{ code, line string }{
		{"sv", "om(x) = 1 +\n"},
		{"en", "prompt \"x\" +\n"},
		{"fr", "x = pas dans +\n"},
	} {
		start := time.Now()
		_, errs := ParseFile("m.ml", strings.Repeat(tt.line, 20000), mustLang(t, tt.code))
		if len(errs) != 20000 {
			t.Errorf("%s %q: %d errors, want one per line", tt.code, tt.line, len(errs))
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s %q x 20000: %v", tt.code, tt.line, d)
		}
	}
}
