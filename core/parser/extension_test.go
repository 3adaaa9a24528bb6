package parser

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// spell replaces each {keyword} of src by l's spelling of it.
func spell(src string, l *lang.Language) string {
	for _, k := range []lang.Keyword{lang.Def, lang.Pass, lang.If, lang.Else, lang.For, lang.In, lang.Return} {
		src = strings.ReplaceAll(src, "{"+string(k)+"}", l.KeywordSpelling(k))
	}
	return src
}

// TestExtensionNotSupported checks that a statement of an unsupported
// extension of the language is one error at its word, saying in the
// program's language which extension the word belongs to.
func TestExtensionNotSupported(t *testing.T) {
	tests := []struct {
		code, src  string
		word       string
		line, col  int32
		group      string
		extraLines int // errors of the block after the header, none
	}{
		{"en", "prompt @model: \"hello\"\n", "prompt", 1, 1, "ai", 0},
		{"en", "x = 1\n{def} f() uses io:\n    {pass}\n", "uses", 2, 9, "effects", 0},
		{"en", "{def} f(a) -> int uses io:\n    {return} a\n", "uses", 1, 17, "effects", 0},
		{"en", "observe x:\n    {pass}\n", "observe", 1, 1, "reactive", 0},
		{"en", "x = 1; spawn f()\n", "spawn", 1, 8, "concurrency", 0},
		{"en", "{if} x:\n    parallel {for} i {in} y:\n        {pass}\n", "parallel", 2, 5, "concurrency", 0},
		{"en", "enum Color:\n    RED = 1\n", "enum", 1, 1, "enum", 0},
		{"en", "plan:\n    {pass}\n", "plan", 1, 1, "ai", 0},
		{"en", "trace {def} f():\n    {pass}\n", "trace", 1, 1, "observability", 0},
		{"fr", "x = 1\nrequête @modèle: \"bonjour\"\n", "requête", 2, 1, "ai", 0},
		{"fr", "{def} f() utilise io:\n    {pass}\n", "utilise", 1, 0, "effects", 0},
		{"de", "beobachten x:\n    {pass}\n", "beobachten", 1, 1, "reactive", 0},
		{"es", "enviar canal, 3\n", "enviar", 1, 1, "concurrency", 0},
		{"ja", "観測 x:\n    {pass}\n", "観測", 1, 1, "reactive", 0},
		{"zh", "提示 \"你好\"\n", "提示", 1, 1, "ai", 0},
		{"hi", "पूछो \"नमस्ते\"\n", "पूछो", 1, 1, "ai", 0},
		{"nl", "vraag @model: \"hallo\"\n", "vraag", 1, 1, "ai", 0},
		{"sv", "skicka kanal 3\n", "skicka", 1, 1, "concurrency", 0},
		{"da", "{def} f() bruger io:\n    {pass}\n", "bruger", 1, 0, "effects", 0},
		{"fi", "kysy \"hei\"\n", "kysy", 1, 1, "ai", 0},
		{"pl", "zapytaj \"cześć\"\n", "zapytaj", 1, 1, "ai", 0},
		{"ar", "استفسر \"مرحبا\"\n", "استفسر", 1, 1, "ai", 0},
	}
	for _, tt := range tests {
		l := mustLang(t, tt.code)
		src := spell(tt.src, l)
		if tt.col == 0 { // after the language's spelling of def and ' f() '
			tt.col = int32(len([]rune(l.KeywordSpelling(lang.Def)))) + 6
		}
		_, errs := ParseFile("x.ml", src, l)
		if len(errs) != 1 {
			t.Errorf("%s %q: want one error, got %v", tt.code, src, errs)
			continue
		}
		e := errs[0]
		want := lang.Message(tt.code, "parser.extension", tt.word, lang.Message(tt.code, "parser.word.ext_"+tt.group))
		if e.Msg != want || e.Start != (source.Pos{Line: tt.line, Col: tt.col}) {
			t.Errorf("%s %q:\n got %d:%d %s\nwant %d:%d %s", tt.code, src, e.Start.Line, e.Start.Col, e.Msg, tt.line, tt.col, want)
		}
		if line := strings.Split(src, "\n")[tt.line-1]; e.Text != line {
			t.Errorf("%s %q: error line %q, want %q", tt.code, src, e.Text, line)
		}
		if !strings.Contains(e.Pretty(), "\n    "+strings.Repeat(" ", int(tt.col)-1)+"^") {
			t.Errorf("%s %q: no caret under the word:\n%s", tt.code, src, e.Pretty())
		}
	}
}

// TestExtensionWordsAreNames checks that every word of every language's
// extensions stays an ordinary name: a variable, a function, an
// attribute, a parameter, a statement starting with it, in statements that
// Python reads.
func TestExtensionWordsAreNames(t *testing.T) {
	const tmpl = "W = 1\nW += 2\nW, q_ = W, W\nW: int = W * 2\nW[0] = W.W\nW(W)\nW {if} W {else} W\nW @ W\nW {in} W\n" +
		"{def} W(W, *, k=W) -> W:\n    {return} W\n{for} W {in} W:\n    {pass}\nprint([W {for} W {in} W])\n"
	for _, code := range lang.Codes() {
		l := mustLang(t, code)
		for _, w := range extensionWordsOf(l) {
			src := strings.ReplaceAll(spell(tmpl, l), "W", w)
			if _, errs := ParseFile("x.ml", src, l); len(errs) > 0 {
				t.Errorf("%s: %q as a name: %v", code, w, errs)
			}
		}
	}
}

// extensionWordsOf returns the words of l's extensions, found by asking
// l.Extension about each word of the [extensions] section's spellings.
func extensionWordsOf(l *lang.Language) []string {
	var out []string
	for _, w := range l.ExtensionWords() {
		if _, _, ok := l.Extension(w); ok {
			out = append(out, w)
		}
	}
	return out
}

// TestExtensionGroupsDescribed checks that every group of every table's
// [extensions] section has its description in the message catalogue.
func TestExtensionGroupsDescribed(t *testing.T) {
	for _, code := range lang.Codes() {
		l := mustLang(t, code)
		for _, w := range l.ExtensionWords() {
			group, _, _ := l.Extension(w)
			id, ok := extensionWords[group]
			if !ok {
				t.Errorf("%s: %q: group %q has no description", code, w, group)
				continue
			}
			if _, ok := lang.MessageText(code, string(id)); !ok {
				t.Errorf("%s: no text for %s", code, id)
			}
		}
	}
}
