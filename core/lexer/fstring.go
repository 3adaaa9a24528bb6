package lexer

import (
	"strings"
)

// F-strings follow PEP 701 (Python 3.12). The lexer splits an f-string into
// FParts: literal text, decoded as the string's prefix says, and replacement
// fields, whose expression it keeps as source text for the parser to scan
// again with ScanExpr. To find where a field's expression ends it skims the
// expression as the tokenizer would: brackets nest, strings (nested
// f-strings, strings with the enclosing quote, strings holding '}' or ':')
// are skipped whole, a '#' comment runs to the end of the line, and newlines
// are insignificant. At bracket depth 0, '}' ends the field, ':' starts the
// format spec, '!' (not "!=") the conversion and '=' (not "==") marks a
// debugging field.
//
// Errors in the expression itself (an unexpected character, a bad escape in
// a nested string) are ScanExpr's to report; Scan reports the f-string's own:
// a single '}', an empty or unclosed field, a bad conversion.

// maxFStringDepth is how deep f-strings may nest, one in a field of the
// other: Python 3.12 rejects the 150th.
const maxFStringDepth = 149

// maxFieldNest is how deep replacement fields may nest in format specs:
// f"{x:{y:{z}}}" is as deep as Python goes.
const maxFieldNest = 2

// fResult says how scanning part of an f-string ended.
type fResult int

const (
	fDone fResult = iota // at the terminator
	fFail                // an error was reported; the token ends where the scanner is
)

// scanFString scans the rest of an f-string, whose prefix starts at src[start]
// and whose opening quote has been read, emits its FSTRING token and
// reports whether it was terminated.
func (s *scanner) scanFString(start int, q *quote) bool {
	ne := len(s.errs)
	parts, res := s.fstringParts(q, false, 0, q.start)
	if res == fFail && !q.triple && s.line > q.start.p.Line {
		// A one-line f-string whose field ran over lines and never closed:
		// end it with its first line, so the lines after it are scanned as
		// code. Of its errors, keep those of that line and the one that
		// ended it: the others may come from reading code as a field.
		line := q.start.p.Line
		if n := len(s.errs); n > ne {
			last := s.errs[n-1]
			kept := s.errs[:ne]
			for _, e := range s.errs[ne:] {
				if e.Start.Line == line || e == last {
					kept = append(kept, e)
				}
			}
			s.errs = kept
		}
		if len(s.errs) == ne {
			s.errorAt(oneRune(q.start), msgUnterminatedString)
		}
		end := start
		for end < len(s.src) && s.src[end] != '\n' {
			end++
		}
		s.i, s.line, s.col = end, line, q.start.p.Col+int32(end-start)
		parts = nil
	}
	if s.quiet == 0 {
		s.emit(Token{Kind: FSTRING, Text: string(s.src[start:s.i]), FParts: parts, Span: s.spanFrom(q.start)})
	}
	return res == fDone
}

// fstringParts scans literal text and replacement fields. At the top level
// (spec false) it stops past the closing quote; in a format spec it stops at
// the '}' that closes the field opened at open, and leaves it. nest counts
// the format specs around.
func (s *scanner) fstringParts(q *quote, spec bool, nest int, open posMark) ([]FPart, fResult) {
	var parts []FPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, FPart{Lit: lit.String()})
			lit.Reset()
		}
	}
	for {
		c := s.cur()
		switch {
		case c < 0, c == '\n' && !q.triple:
			flush()
			switch {
			case spec && c >= 0:
				// As CPython says since 3.13.4; 3.12 took some of these.
				s.errorAt(s.runeSpan(), msgFSpecNewline)
			case spec:
				s.errorAt(oneRune(open), msgFExpectBrace)
			default:
				s.errorAt(oneRune(q.start), msgUnterminatedString)
			}
			return parts, fFail
		case s.atClose(q):
			flush()
			if spec {
				// f"{x:abc": the string ends before the field does.
				s.errorAt(oneRune(s.pos()), msgFExpectBrace)
				s.skipClose(q)
				return parts, fFail
			}
			s.skipClose(q)
			return parts, fDone
		case c == '\\':
			s.scanEscape(q, &lit)
		case c == '\r' && s.peek(1) == '\n':
			s.next() // keep "\n" only, as Python's universal newlines do
		case c == '{':
			if !spec && s.peek(1) == '{' {
				lit.WriteByte('{')
				s.next()
				s.next()
				continue
			}
			part, res := s.fstringField(q, nest)
			if res == fFail {
				flush()
				return parts, fFail
			}
			if part != nil {
				// Literal text around a field dropped for an error stays one piece.
				flush()
				parts = append(parts, *part)
			}
		case c == '}':
			if spec {
				flush()
				return parts, fDone
			}
			if s.peek(1) == '}' {
				s.next()
			} else {
				s.errorAt(oneRune(s.pos()), msgFSingleBrace)
			}
			lit.WriteByte('}')
			s.next()
		default:
			lit.WriteRune(c)
			s.next()
		}
	}
}

// fstringField scans a replacement field starting at the '{' at s.i. It
// returns nil for a field that was reported as wrong but whose end was found.
func (s *scanner) fstringField(q *quote, nest int) (*FPart, fResult) {
	open := s.pos()
	if nest > maxFieldNest {
		s.errorAt(oneRune(open), msgFTooDeep)
	}
	s.next()
	part := &FPart{At: s.here()}
	start := s.i
	s.comments = s.comments[:0]
	code, res := s.fieldExpr(q, open, false)
	if res == fFail {
		return nil, fFail
	}
	if s.quiet == 0 {
		part.Expr = string(s.src[start:s.i]) // not needed to skip the field, and costly in deep nests
	}
	ok := true
	if !code {
		s.errorAt(oneRune(s.pos()), msgFEmptyExpr, string(s.cur()))
		ok = false
	}
	// resync skips to the '}' that closes the field after an error.
	resync := func() (*FPart, fResult) {
		if _, res := s.fieldExpr(q, open, true); res == fFail {
			return nil, fFail
		}
		s.next() // '}'
		return nil, fDone
	}
	if s.cur() == '=' {
		s.next()
		s.skipFieldBlanks()
		if s.quiet == 0 {
			part.Debug = s.debugText(start)
		}
		if c := s.cur(); c != '!' && c != ':' && c != '}' {
			if s.fieldCut(q, open) {
				return nil, fFail
			}
			s.errorAt(oneRune(s.pos()), msgFExpectAfterDebug)
			return resync()
		}
	}
	if s.cur() == '!' {
		s.next()
		convPos := s.pos()
		switch c := s.cur(); {
		case lexWordRune(c):
			w := s.word()
			if w == "r" || w == "s" || w == "a" {
				part.Conv = rune(w[0])
			} else {
				s.errorAt(s.spanFrom(convPos), msgFBadConv, "'"+w+"'")
				ok = false
			}
		case c == ':' || c == '}':
			s.errorAt(oneRune(convPos), msgFNoConv)
			ok = false
		case isBlank(c) || c == '\n':
			s.errorAt(s.runeSpan(), msgFConvSpace)
			return resync()
		default:
			if s.fieldCut(q, open) {
				return nil, fFail
			}
			s.errorAt(oneRune(convPos), msgFNoConv)
			return resync()
		}
		s.skipFieldBlanks()
		if c := s.cur(); c != ':' && c != '}' {
			if s.fieldCut(q, open) {
				return nil, fFail
			}
			s.errorAt(oneRune(s.pos()), msgFExpectAfterConv)
			return resync()
		}
	}
	if s.cur() == ':' {
		s.next()
		part.HasSpec = true
		spec, res := s.fstringParts(q, true, nest+1, open)
		if res == fFail {
			return nil, fFail
		}
		part.Spec = spec
	}
	s.next() // '}'
	if !ok {
		return nil, fDone
	}
	return part, fDone
}

// fieldCut reports, as an unclosed field, the end of the text or the
// f-string's closing quote where the field opened at open should go on,
// and moves past the quote.
func (s *scanner) fieldCut(q *quote, open posMark) bool {
	switch {
	case s.cur() < 0:
		s.errorAt(oneRune(open), msgFExpectBrace)
	case s.atClose(q):
		s.errorAt(oneRune(s.pos()), msgFExpectBrace)
		s.skipClose(q)
	default:
		return false
	}
	return true
}

// skipFieldBlanks moves past blanks, newlines and comments inside a
// replacement field.
func (s *scanner) skipFieldBlanks() {
	for c := s.cur(); c == '\n' || c == '#' || isBlank(c); c = s.cur() {
		if c == '#' {
			s.skipFieldComment()
		} else {
			s.next()
		}
	}
}

// skipFieldComment moves past the comment at s.i, up to the end of the
// line, and notes where it was.
func (s *scanner) skipFieldComment() {
	from := s.i
	for s.cur() >= 0 && s.cur() != '\n' {
		s.next()
	}
	if s.quiet == 0 {
		s.comments = append(s.comments, from, s.i)
	}
}

// debugText returns the text of a debugging field, from start to s.i,
// without its comments, as CPython shows it. The text becomes part of the
// string's value, so a line end is "\n" as in the literal text.
func (s *scanner) debugText(start int) string {
	var b strings.Builder
	from := start
	for k := 0; k+1 < len(s.comments); k += 2 {
		b.WriteString(string(s.src[from:s.comments[k]]))
		from = s.comments[k+1]
	}
	b.WriteString(string(s.src[from:s.i]))
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

// fieldExpr moves past the expression of a replacement field of the
// f-string q, opened at open, and stops at the rune that ends it: '}', ':',
// '!' or '='; with untilBrace, only at '}'. It reports whether the
// expression holds anything but blanks and comments.
func (s *scanner) fieldExpr(q *quote, open posMark, untilBrace bool) (code bool, res fResult) {
	depth := 0
	for {
		c := s.cur()
		switch {
		case c < 0:
			s.errorAt(oneRune(open), msgFExpectBrace)
			return code, fFail
		case c == '\n' || isBlank(c):
			s.next()
		case c == '#':
			s.skipFieldComment()
		case c == '\\':
			s.next()
			if n := s.cur(); n != '\n' && !(n == '\r' && s.peek(1) == '\n') {
				code = true // not a line continuation: ScanExpr reports it
			}
		case isWordStart(c) || closers[c] != 0:
			code = true
			if prefix, ok := s.stringStart(); ok {
				if res := s.nestedString(q, prefix); res == fFail {
					return code, fFail
				}
				continue
			}
			s.word()
		case lexWordRune(c):
			code = true
			s.word() // a number: its '.', 'e+' and such never end a field
		case depth == 0 && c == '}':
			return code, fDone
		default:
			k, _, n := matchOp(s.src[s.i:])
			if depth == 0 && !untilBrace && (c == ':' || c == '!' && k != NE || c == '=' && k == ASSIGN) {
				return code, fDone
			}
			code = true
			if n == 0 {
				s.next() // an unexpected character, for ScanExpr to report
				continue
			}
			switch k {
			case LPAREN, LBRACK, LBRACE:
				depth++
			case RPAREN, RBRACK, RBRACE:
				if depth > 0 {
					depth--
				}
			}
			for ; n > 0; n-- {
				s.next()
			}
		}
	}
}

// nestedString skips a string literal inside a replacement field of the
// f-string q. When the literal is not terminated, either it began with q's
// own closing quote, which then ends q with the field unclosed (f"{x"), or
// it is reported as an unterminated string.
func (s *scanner) nestedString(q *quote, prefix int) fResult {
	from := s.pos()
	if s.skipString(prefix) {
		return fDone
	}
	quoteAt := from.i + prefix
	qc := s.src[quoteAt]
	triple := (qc == '"' || qc == '\'') && quoteAt+2 < len(s.src) && s.src[quoteAt+1] == qc && s.src[quoteAt+2] == qc
	if qc == q.close && triple == q.triple {
		s.i, s.line, s.col = quoteAt, from.p.Line, from.p.Col+int32(prefix)
		s.errorAt(oneRune(s.pos()), msgFExpectBrace)
		s.skipClose(q)
		return fFail
	}
	s.errorAt(oneRune(from), msgUnterminatedString)
	return fFail
}
