package parser

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// TestKeywordGuess checks that a statement starting with a name where a
// keyword was meant (another language's keyword, a misspelling) is one
// error at the name, in the program's language, naming the keyword of
// the language; and that statements that only look alike keep their
// error, or parse.
func TestKeywordGuess(t *testing.T) {
	tests := []struct {
		code, src string
		line, col int32
		word      string
		guess     string // "": the statement's own error, not a guess
		id        msgID  // that error, when no guess
	}{
		{"fr", "{def} f(x):\n    return x * 2\n", 2, 5, "return", "retour", ""},
		{"fr", "{def} f(x):\n    retourner x\n", 2, 5, "retourner", "retour", ""},
		{"es", "{def} f(x):\n    retornar x\n", 2, 5, "retornar", "devolver", ""},
		{"es", "while x < 3:\n    x = x + 1\n", 1, 1, "while", "mientras", ""},
		{"de", "for i {in} y:\n    {pass}\n", 1, 1, "for", "für", ""},
		{"en", "x = 1\nretrun x\n", 2, 1, "retrun", "return", ""},
		{"en", "imprt os\n", 1, 1, "imprt", "import", ""},
		{"en", "retour True\n", 1, 1, "retour", "return", ""},
		{"ja", "{def} f(x):\n    return x\n", 2, 5, "return", "戻る", ""},
		{"ar", "return 1\n", 1, 1, "return", "إرجاع", ""},
		// A name with no keyword near it keeps the statement's error.
		{"en", "total x\n", 1, 7, "", "", msgEndOfLine},
		{"fr", "total x\n", 1, 7, "", "", msgEndOfLine},
		// A builtin followed by an argument lacks its parentheses.
		{"fr", "afficher x\n", 1, 1, "afficher", "", msgMissingParens},
		{"en", "print \"hello\"\n", 1, 1, "print", "", msgMissingParens},
		{"es", "x = 1\nimprimir x, 2\n", 2, 1, "imprimir", "", msgMissingParens},
		{"fr", "longueur:\n    {pass}\n", 1, 10, "", "", msgExpectedExpr},
	}
	for _, tt := range tests {
		l := mustLang(t, tt.code)
		src := spell(tt.src, l)
		_, errs := ParseFile("x.ml", src, l)
		if len(errs) != 1 {
			t.Errorf("%s %q: want one error, got %v", tt.code, src, errs)
			continue
		}
		e := errs[0]
		if e.Start != (source.Pos{Line: tt.line, Col: tt.col}) {
			t.Errorf("%s %q: error at %d:%d, want %d:%d", tt.code, src, e.Start.Line, e.Start.Col, tt.line, tt.col)
		}
		if tt.id == msgMissingParens {
			if want := message(tt.code, tt.id, tt.word, tt.word); e.Msg != want {
				t.Errorf("%s %q: got %q, want %q", tt.code, src, e.Msg, want)
			}
			continue
		}
		if tt.guess == "" {
			found := "'x'"
			if tt.id == msgExpectedExpr {
				found = message(tt.code, wordEndOfLine)
			}
			if want := message(tt.code, tt.id, found); e.Msg != want {
				t.Errorf("%s %q: got %q, want %q", tt.code, src, e.Msg, want)
			}
			continue
		}
		if want := lang.Message(tt.code, "parser.keyword_guess", tt.word, tt.guess); e.Msg != want {
			t.Errorf("%s %q: got %q, want %q", tt.code, src, e.Msg, want)
		}
		if e.End.Col-e.Start.Col != int32(len([]rune(tt.word))) {
			t.Errorf("%s %q: the error spans %v, not the word", tt.code, src, e)
		}
	}
}

// TestKeywordGuessNotForNames checks that names close to keywords stay
// names wherever a statement with them parses.
func TestKeywordGuessNotForNames(t *testing.T) {
	for _, src := range []string{
		"retrun = 1\nretrun += 2\n",
		"retour(1)\n",
		"imprt.x = 3\n",
		"whiles: int = 1\n",
		"return_value = [1]\nreturn_value[0] = 2\n",
	} {
		if _, errs := ParseFile("x.ml", src, mustLang(t, "en")); len(errs) != 0 {
			t.Errorf("%q: %v", src, errs)
		}
	}
}
