package parser

import "testing"

func TestEveryMessageTranslated(t *testing.T) {
	for code, table := range messages {
		for id := msgExpected; id < numMessages; id++ {
			if table[id] == "" {
				t.Errorf("%s: no text for message %d", code, id)
			}
		}
	}
	if got := message("es", msgUnexpectedIndent); got != "unexpected indent" {
		t.Errorf("Spanish falls back to %q, want English", got)
	}
	if got := message("fr", msgColonFunc, "'retour'"); got != "':' attendu après l'en-tête de la fonction, trouvé 'retour'" {
		t.Errorf("got %q", got)
	}
}
