package lang

import (
	"fmt"
	"sort"
	"strings"
)

// The message catalogue: the text of every compile-time error, in every
// language, addressed by id.
//
// An id is the phase that reports the error and a name, in lower case with
// dots and underscores: "lexer.unterminated_string", "parser.expected_expr",
// "check.return_outside". Ids of the form "<phase>.word.<name>" are words
// that other messages take as arguments ("end of line", "a function call").
// The interactive session's texts (its banner) are the "repl." ids, which
// the Python package reads through the extension (pybridge's message).
// An id keeps its meaning for good; a message whose meaning changes gets a
// new id.
//
// Each language's texts are the lines `id = text` of the [messages] section
// of data/<code>.txt. A text is a fmt format: its verbs (%s, %d, %q) take
// the arguments the phase passes, and a translation has exactly the verbs
// of the English text, in the same order, since the arguments come in that
// order (the tests check it). Where a text names a keyword of the program,
// {keyword} (the keyword's canonical name in braces: {return}, {nonlocal},
// {not in}) stands for the language's own spelling of it, so "'{return}'
// outside function" reads "'retour' en dehors d'une fonction" in French.
// Any other brace is text: "\N{...}", "'}'".
//
// English is the reference: every id has an English text, and a language
// that lacks one shows the English text (with its own keywords). The tests
// require every language to have them all.

// Message returns the text of message id in the language with the given
// code, its {keyword} placeholders spelled in that language and its verbs
// filled from args as fmt.Sprintf does. A language without a text for id,
// or an unknown code, gives the English text. With no args the text is
// returned as written.
func Message(code, id string, args ...any) string {
	l, ok := Get(code)
	if !ok {
		l = byCode["en"]
	}
	return l.Message(id, args...)
}

// Message returns the text of message id in l, as the function Message
// does. An id that not even English has is a bug of the caller: the result
// is then the id followed by the arguments, so that the error still shows.
func (l *Language) Message(id string, args ...any) string {
	format, ok := l.messages[id]
	if !ok {
		format, ok = byCode["en"].messages[id]
	}
	if !ok {
		if len(args) == 0 {
			return id
		}
		return id + ": " + strings.TrimSuffix(fmt.Sprintln(args...), "\n")
	}
	format = l.spellKeywords(format)
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// MessageText returns the text of message id as the language with the
// given code writes it, placeholders and verbs unfilled, and whether that
// language has one (no English fallback).
func MessageText(code, id string) (string, bool) {
	l, ok := Get(code)
	if !ok {
		return "", false
	}
	text, ok := l.messages[id]
	return text, ok
}

// MessageIDs returns the id of every message of the catalogue (those with
// an English text), sorted.
func MessageIDs() []string {
	ids := make([]string, 0, len(byCode["en"].messages))
	for id := range byCode["en"].messages {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// spellKeywords replaces each {keyword} placeholder of text by l's
// spelling of the keyword (its canonical name where l has none). Braces
// around anything that is not a keyword stay.
func (l *Language) spellKeywords(text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		n := strings.IndexByte(text[open:], '}')
		if n < 0 {
			break
		}
		k, ok := placeholder(text[open+1 : open+n])
		if !ok {
			b.WriteString(text[:open+1])
			text = text[open+1:]
			continue
		}
		b.WriteString(text[:open])
		if s := l.KeywordSpelling(k); s != "" {
			b.WriteString(s)
		} else {
			b.WriteString(string(k))
		}
		text = text[open+n+1:]
	}
	b.WriteString(text)
	return b.String()
}

// placeholder reports whether name, the text between a pair of braces, is
// a keyword placeholder: the canonical name of a keyword of the grammar.
func placeholder(name string) (Keyword, bool) {
	k := Keyword(name)
	return k, name != "" && byCode["en"].KeywordSpelling(k) != ""
}

// verbs returns the fmt verbs of format in order, each with its flags,
// width and precision ("%s", "%d", "%5.2f"); "%%" is text, not a verb.
func verbs(format string) []string {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j == len(format) {
			out = append(out, format[i:])
			break
		}
		if format[j] != '%' {
			out = append(out, format[i:j+1])
		}
		i = j
	}
	return out
}
