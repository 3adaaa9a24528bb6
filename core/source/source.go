// Package source holds what every layer of the compiler shares about the
// user's text: positions (1-based line, rune column), spans, and the Error and
// ErrorList types through which lexer, parser, checker and code generator
// report problems in terms of the user's own file.
//
// It plays the role go/token plays for Go, with one difference: columns count
// runes, not bytes, as Python's SyntaxError.offset does, so that a caret lands
// under the right character in Devanagari, Arabic or CJK source.
package source

import (
	"fmt"
	"sort"
	"strings"
)

// A Pos is a 1-based line and a 1-based column counted in runes.
// The zero Pos is "no position".
type Pos struct {
	Line int32
	Col  int32
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// String returns "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// A Span is the half-open range [Start, End) of a token or node.
type Span struct {
	Start Pos
	End   Pos
}

// An Error is one problem found in a source file.
type Error struct {
	File  string // file name as the user gave it, or "<source>"
	Start Pos    // where the offending text starts
	End   Pos    // where it ends (may equal Start)
	Lang  string // language code of the program ("fr"), used to pick the message language
	Msg   string // the message, already in the user's language where available
	Text  string // the whole source line holding Start, without its newline
}

// Error returns "file:line:col: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Start.Line, e.Start.Col, e.Msg)
}

// Pretty returns the error with the source line and a caret under the offending text.
func (e *Error) Pretty() string {
	var b strings.Builder
	b.WriteString(e.Error())
	if e.Text != "" && e.Start.Col > 0 {
		b.WriteString("\n    ")
		b.WriteString(e.Text)
		b.WriteString("\n    ")
		col := int(e.Start.Col) - 1
		n := 0
		for _, r := range e.Text {
			if n >= col {
				break
			}
			if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
			n++
		}
		width := 1
		if e.End.Line == e.Start.Line && e.End.Col > e.Start.Col {
			width = int(e.End.Col - e.Start.Col)
		}
		b.WriteString(strings.Repeat("^", width))
	}
	return b.String()
}

// An ErrorList is a list of errors, sorted by position once Sort is called.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(e *Error) { *l = append(*l, e) }

// Len, Less and Swap let an ErrorList be sorted by file then position.
func (l ErrorList) Len() int { return len(l) }

// Less orders errors by file, then start position.
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Start.Before(b.Start)
}

// Swap exchanges two errors.
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }

// Sort sorts the list by position, keeping the order of errors at the same position.
func (l ErrorList) Sort() { sort.Stable(l) }

// Error joins the messages, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// LineText returns line n (1-based) of src without its line terminator, or "".
func LineText(src string, n int32) string {
	if n < 1 {
		return ""
	}
	line := int32(1)
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			if line == n {
				return strings.TrimRight(src[start:i], "\r")
			}
			line++
			start = i + 1
		}
	}
	if line == n {
		return strings.TrimRight(src[start:], "\r")
	}
	return ""
}
