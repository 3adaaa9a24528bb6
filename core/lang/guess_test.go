package lang

import (
	"strings"
	"testing"
)

// TestGuessKeyword checks the keyword guessed for a name that starts a
// failed statement, and the words that get no guess.
func TestGuessKeyword(t *testing.T) {
	tests := []struct {
		code, word, want string // want "": no guess
	}{
		// Another language's keyword: English, or a neighbour's.
		{"fr", "return", "retour"},
		{"es", "retornar", "devolver"}, // Portuguese
		{"es", "while", "mientras"},
		{"ja", "return", "戻る"},
		{"de", "for", "für"},
		{"en", "retour", "return"},
		{"en", "devolver", "return"},
		{"hi", "import", "आयात"},
		// Near misses of the language's own keywords.
		{"en", "retrun", "return"}, // two letters swapped
		{"en", "imprt", "import"},  // a letter dropped
		{"en", "Return", "return"}, // case
		{"de", "ruckgabe", "rückgabe"},
		{"fr", "retourner", "retour"}, // the keyword and an ending
		{"es", "devolve", "devolver"},
		// No guess.
		{"en", "x", ""},              // one letter
		{"es", "y", ""},              // a keyword of es itself, and one letter
		{"fr", "retour", ""},         // a keyword of the language
		{"en", "total", ""},          // a name like any other
		{"en", "printer", ""},        // near nothing
		{"fr", "afficher", ""},       // a builtin, not a keyword
		{"en", "retourneraient", ""}, // too far past the keyword
	}
	for _, tt := range tests {
		l, ok := Get(tt.code)
		if !ok {
			t.Fatalf("no language %q", tt.code)
		}
		got, ok := l.GuessKeyword(tt.word)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("%s GuessKeyword(%q) = %q, %v; want %q", tt.code, tt.word, got, ok, tt.want)
		}
	}
}

// TestGuessKeywordEveryLanguage checks that in every language, English
// `return`, `while` and `import` are guessed as that language's own
// spelling of the keyword (a language whose spelling is English's accepts
// the word, and gets no guess).
func TestGuessKeywordEveryLanguage(t *testing.T) {
	for _, code := range Codes() {
		l, _ := Get(code)
		for _, k := range []Keyword{Return, While, Import} {
			got, ok := l.GuessKeyword(string(k))
			if _, own := l.Keyword(string(k)); own {
				if ok {
					t.Errorf("%s: %q is a keyword of the language, guessed %q", code, k, got)
				}
				continue
			}
			if !ok || got != l.KeywordSpelling(k) {
				t.Errorf("%s GuessKeyword(%q) = %q, %v; want %q", code, k, got, ok, l.KeywordSpelling(k))
			}
		}
	}
}

// TestEditDistance checks the optimal string alignment distance and its
// early exit past the limit.
func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"return", "return", 2, 0},
		{"retrun", "return", 2, 1},
		{"retur", "return", 2, 1},
		{"returnn", "return", 2, 1},
		{"rexurn", "return", 2, 1},
		{"rteurm", "return", 2, 2},
		{"abcdef", "return", 2, 3}, // limit + 1
		{"", "ab", 2, 2},
		{"a", "abcd", 2, 3},
	}
	for _, tt := range tests {
		var scratch [3][]int
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.limit, &scratch); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// FuzzGuessKeyword checks that any word gets an answer without a panic,
// and that a guess is always a keyword of the language.
func FuzzGuessKeyword(f *testing.F) {
	for _, w := range []string{"return", "retrun", "retourner", "é", "", "ab", "xyzxyzxyz"} {
		f.Add("fr", w)
	}
	f.Fuzz(func(t *testing.T, code, word string) {
		l, ok := Get(code)
		if !ok {
			l, _ = Get("en")
		}
		if got, ok := l.GuessKeyword(word); ok {
			if _, kw := l.Keyword(got); !kw && !isPhraseSpelling(l, got) {
				t.Fatalf("%s GuessKeyword(%q) = %q, not a keyword of the language", l.Code, word, got)
			}
		}
	})
}

// isPhraseSpelling reports whether s is one of l's multi-word spellings.
func isPhraseSpelling(l *Language, s string) bool {
	for _, p := range l.phrases {
		if len(p.Words) > 1 && strings.Join(p.Words, " ") == s {
			return true
		}
	}
	return false
}
