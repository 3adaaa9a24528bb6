package lang

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var idSyntax = regexp.MustCompile(`^(lexer|parser|check|repl)(\.[a-z][a-z_]*)+$`)

// TestMessageCatalogue holds every language's [messages] section to the
// English one: the same ids (no unknown id, none missing), the same fmt
// verbs in the same order, and keyword placeholders the language can spell.
func TestMessageCatalogue(t *testing.T) {
	ids := MessageIDs()
	if len(ids) < 100 {
		t.Fatalf("only %d English messages", len(ids))
	}
	for _, id := range ids {
		if !idSyntax.MatchString(id) {
			t.Errorf("message id %q: want <phase>.<name>, in lower case", id)
		}
	}
	for _, code := range Codes() {
		l, _ := Get(code)
		for id, text := range l.messages {
			en, ok := MessageText("en", id)
			if !ok {
				t.Errorf("%s: unknown message id %q", code, id)
				continue
			}
			if got, want := verbs(text), verbs(en); !slices.Equal(got, want) {
				t.Errorf("%s: %s has verbs %q, English has %q:\n  %s", code, id, got, want, text)
			}
			for _, m := range braces.FindAllStringSubmatch(text, -1) {
				if k, ok := placeholder(m[1]); ok && l.KeywordSpelling(k) == "" {
					t.Errorf("%s: %s: no spelling for the keyword of %s", code, id, m[0])
				}
			}
			if strings.Contains(text, "%%") {
				t.Errorf("%s: %s: write %% alone; texts without arguments are not formatted", code, id)
			}
		}
		for _, id := range ids {
			if _, ok := l.messages[id]; !ok {
				t.Errorf("%s: no text for message %s", code, id)
			}
		}
	}
}

// braces finds what may be a keyword placeholder.
var braces = regexp.MustCompile(`\{([^{}]*)\}`)

// TestMessageLanguagesDiffer catches texts copied from English instead of
// translated: a language may share a couple with English (a text of code
// and punctuation), not more.
func TestMessageLanguagesDiffer(t *testing.T) {
	for _, code := range Codes() {
		if code == "en" {
			continue
		}
		n := 0
		for _, id := range MessageIDs() {
			text, _ := MessageText(code, id)
			en, _ := MessageText("en", id)
			if text == en {
				n++
				t.Logf("%s: %s is the English text %q", code, id, en)
			}
		}
		if n > 2 {
			t.Errorf("%s: %d messages are the English text", code, n)
		}
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		code, id string
		args     []any
		want     string
	}{
		{"en", "parser.expected", []any{"':'", "'x'"}, "expected ':', found 'x'"},
		{"fr", "parser.expected", []any{"':'", "'x'"}, "':' attendu, trouvé 'x'"},
		{"FR", "parser.unexpected_indent", nil, "indentation inattendue"},
		{"xx", "parser.unexpected_indent", nil, "unexpected indent"}, // unknown language: English
		{"en", "check.return_outside", nil, "'return' outside function"},
		{"fr", "check.return_outside", nil, "'retour' en dehors d'une fonction"},
		{"ja", "check.return_outside", nil, "'戻る' は関数の外では使えません"},
		{"de", "check.const_assign", []any{"N", 3}, "Zuweisung an die Konstante 'N' nicht möglich (in Zeile 3 als konst deklariert)"},
		{"en", "lexer.named_escape", []any{"X"}, `unknown Unicode character name 'X' in \N{...}`}, // braces that are not a keyword
		{"en", "lexer.fstring.expect_brace", nil, "f-string: expecting '}'"},
		{"en", "no.such_message", []any{"a", 1}, "no.such_message: a 1"},
	}
	for _, tt := range tests {
		if got := Message(tt.code, tt.id, tt.args...); got != tt.want {
			t.Errorf("Message(%q, %q) = %q, want %q", tt.code, tt.id, got, tt.want)
		}
	}
	// A language without a text for an id shows the English one, with its
	// own keywords.
	fr, _ := Get("fr")
	partial := &Language{Code: "fr", messages: map[string]string{}, spellings: fr.spellings}
	if got, want := partial.Message("check.return_outside"), "'retour' outside function"; got != want {
		t.Errorf("fallback: got %q, want %q", got, want)
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
	}{
		{"plain", nil},
		{"expected %s, found %s", []string{"%s", "%s"}},
		{"%s on line %d (%q)", []string{"%s", "%d", "%q"}},
		{"100%% of %5.2f", []string{"%5.2f"}},
		{"%[2]s then %[1]s", []string{"%[2]s", "%[1]s"}},
		{"trailing %", []string{"%"}},
	}
	for _, tt := range tests {
		if got := verbs(tt.format); !slices.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}

func TestSpellKeywords(t *testing.T) {
	hi, _ := Get("hi")
	tests := []struct{ in, want string }{
		{"'{return}' outside", "'वापसी' outside"},
		{"{nonlocal} and {global}", "अस्थानीय and वैश्विक"},
		{"{not in}", hi.KeywordSpelling(NotIn)},
		{`\N{...} and '}' and '{' and {nope}`, `\N{...} and '}' and '{' and {nope}`},
		{"{{return}}", "{वापसी}"},
		{"{", "{"},
	}
	for _, tt := range tests {
		if got := hi.spellKeywords(tt.in); got != tt.want {
			t.Errorf("spellKeywords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
