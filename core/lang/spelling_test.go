package lang

import (
	"testing"
	"unicode"
)

// TestSpellingsAreWords checks what core/lexer relies on: every keyword,
// and every word of a multi-word keyword, is a run of IsWordRune runes that
// does not start with a digit, so the lexer can match it as a whole word.
func TestSpellingsAreWords(t *testing.T) {
	isWord := func(w string) bool {
		for i, r := range []rune(w) {
			if !IsWordRune(r) || (i == 0 && unicode.IsDigit(r)) {
				return false
			}
		}
		return w != ""
	}
	for _, code := range Codes() {
		l, _ := Get(code)
		for w := range l.keywords {
			if !isWord(w) {
				t.Errorf("%s: keyword %q is not one word", code, w)
			}
		}
		for _, ph := range l.Phrases() {
			for _, w := range ph.Words {
				if !isWord(w) {
					t.Errorf("%s: phrase %v has a word %q the lexer cannot match", code, ph.Words, w)
				}
			}
		}
		for _, k := range []Keyword{If, Elif, Else, While, For, Break, Continue, Pass, In, NotIn, Assert, Def, Return, And, Or, Not, True, False, None, Is, Global} {
			if l.KeywordSpelling(k) == "" {
				t.Errorf("%s: no spelling for %q", code, k)
			}
		}
	}
}
