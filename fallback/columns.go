package fallback

import (
	"sort"
	"strconv"
	"strings"
)

// Position marks. While an expression is written (gen.expr), its text is
// enclosed in markStart id markStart ... markEnd id markEnd, where id
// indexes gen.spans, the expression's span in the source. line() removes
// the marks from each line it writes and keeps where they stood (a mark),
// and colTable turns them into __ml_cols__. Neither byte occurs in the
// text of an expression: string literals escape control characters.
const (
	markStart = "\x01"
	markEnd   = "\x02"
)

// A mark is where an expression's text starts or ends on a line: col is
// a byte offset in the line as written.
type mark struct {
	id  int32
	col int32
	end bool
}

// markedLine returns the line holding text without its position marks,
// and the marks.
func markedLine(text string, src int32) outLine {
	if !strings.ContainsAny(text, markStart+markEnd) {
		return outLine{text: text, src: src}
	}
	var b strings.Builder
	var marks []mark
	for i := 0; i < len(text); {
		c := text[i]
		if c != markStart[0] && c != markEnd[0] {
			b.WriteByte(c)
			i++
			continue
		}
		j := strings.IndexByte(text[i+1:], c)
		if j < 0 { // cannot happen: marks come in pairs
			break
		}
		id, _ := strconv.Atoi(text[i+1 : i+1+j])
		marks = append(marks, mark{id: int32(id), col: int32(b.Len()), end: c == markEnd[0]})
		i += j + 2
	}
	return outLine{text: b.String(), src: src, marks: marks}
}

// A colEntry maps the span of an expression in the module (1-based
// lines, byte columns from 0, as CPython's ast counts them) to its span in
// the source (1-based lines, columns from 0 counted in runes).
type colEntry struct {
	line, col, endLine, endCol     int32
	sLine, sCol, sEndLine, sEndCol int32
}

// colTable returns __ml_cols__, the column table of the module's lines:
// a string literal of integers, eight per expression, sorted by the
// expression's place in the module:
//
//	line delta, col, end line - line, end,
//	source line delta, source col, source end line - source line, source end
//
// where a line delta is from the line of the previous entry (of the
// module, resp. of the source; the first from 0), and an end is the end
// column, or the length (end column - column) when the expression ends on
// the line it starts on, which is shorter to write. Module columns are
// UTF-8 byte offsets; source columns count runes, from 0 (the Python
// package turns them into byte offsets in the user's own line).
func (g *gen) colTable(lines []outLine) string {
	type open struct {
		id        int32
		line, col int32
	}
	var stack []open
	var entries []colEntry
	for i, l := range lines {
		for _, m := range l.marks {
			if !m.end {
				stack = append(stack, open{m.id, int32(i + 1), m.col})
				continue
			}
			if len(stack) == 0 || stack[len(stack)-1].id != m.id {
				continue // unbalanced: cannot happen, and the table must not lie
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			sp := g.spans[m.id]
			entries = append(entries, colEntry{
				line: o.line, col: o.col, endLine: int32(i + 1), endCol: m.col,
				sLine: sp.Start.Line, sCol: sp.Start.Col - 1, sEndLine: sp.End.Line, sEndCol: sp.End.Col - 1,
			})
		}
	}
	sort.SliceStable(entries, func(a, b int) bool {
		x, y := entries[a], entries[b]
		if x.line != y.line {
			return x.line < y.line
		}
		return x.col < y.col
	})
	var b strings.Builder
	b.WriteByte('"')
	var line, sLine int32
	num := func(n int32) {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(n)))
	}
	end := func(line, col, endLine, endCol int32) {
		num(endLine - line)
		if endLine == line {
			num(endCol - col)
		} else {
			num(endCol)
		}
	}
	for _, e := range entries {
		num(e.line - line)
		num(e.col)
		end(e.line, e.col, e.endLine, e.endCol)
		num(e.sLine - sLine)
		num(e.sCol)
		end(e.sLine, e.sCol, e.sEndLine, e.sEndCol)
		line, sLine = e.line, e.sLine
	}
	b.WriteByte('"')
	return b.String()
}
