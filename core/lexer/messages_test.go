package lexer

import "testing"

func TestEveryMessageTranslated(t *testing.T) {
	for code, table := range messages {
		for id := msgUnexpectedChar; id < msgCount; id++ {
			if table[id] == "" {
				t.Errorf("%s: no text for message %d", code, id)
			}
		}
	}
	if got := message("de", msgUnterminatedString); got != "unterminated string" {
		t.Errorf("German falls back to %q, want English", got)
	}
	if got := message("fr", msgUnexpectedChar, quoteRune('€')); got != "caractère inattendu '€'" {
		t.Errorf("got %q", got)
	}
}
