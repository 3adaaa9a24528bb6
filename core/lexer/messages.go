package lexer

import (
	"fmt"
	"unicode"

	"github.com/multilingualprogramming/multilingual/core/lang"
)

// A msgID names one lexer diagnostic: its id in core/lang's message
// catalogue, which holds its text in every language (the [messages]
// section of core/lang/data/<code>.txt).
type msgID string

// The lexer's diagnostics. An id keeps its meaning; a new message gets a new
// id, with its text in every language's table.
const (
	msgUnexpectedChar     msgID = "lexer.unexpected_char"
	msgUnterminatedString msgID = "lexer.unterminated_string"
	msgBadEscape          msgID = "lexer.bad_escape"
	msgBadNumber          msgID = "lexer.bad_number"
	msgLeadingZeros       msgID = "lexer.leading_zeros"
	msgBadDedent          msgID = "lexer.bad_dedent"
	msgTabSpace           msgID = "lexer.tab_space"
	msgBadIndentChar      msgID = "lexer.bad_indent_char"
	msgNeverClosed        msgID = "lexer.never_closed"
	msgUnmatched          msgID = "lexer.unmatched"
	msgMismatched         msgID = "lexer.mismatched"
	msgNamedEscape        msgID = "lexer.named_escape"
	msgBytesNonASCII      msgID = "lexer.bytes_non_ascii"
	msgFEmptyExpr         msgID = "lexer.fstring.empty_expr"
	msgFSingleBrace       msgID = "lexer.fstring.single_brace"
	msgFExpectBrace       msgID = "lexer.fstring.expect_brace"
	msgFNoConv            msgID = "lexer.fstring.no_conversion"
	msgFConvSpace         msgID = "lexer.fstring.conversion_space"
	msgFBadConv           msgID = "lexer.fstring.bad_conversion"
	msgFExpectAfterDebug  msgID = "lexer.fstring.expect_after_debug"
	msgFExpectAfterConv   msgID = "lexer.fstring.expect_after_conversion"
	msgFTooDeep           msgID = "lexer.fstring.too_deep"
	msgFTooManyNested     msgID = "lexer.fstring.too_many_nested"
	msgFSpecNewline       msgID = "lexer.fstring.spec_newline"
)

// message formats diagnostic id in the language code (in English where the
// language lacks it).
func message(code string, id msgID, args ...any) string {
	return lang.Message(code, string(id), args...)
}

// quoteRune shows r for a message: 'x', or its code point when it is invisible.
func quoteRune(r rune) string {
	if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff || (r >= 0x200b && r <= 0x200f) || r == 0x2028 || r == 0x2029 || (r > 0x7f && unicode.IsSpace(r)) {
		return fmt.Sprintf("U+%04X", r)
	}
	if r == 0xfffd {
		return "U+FFFD (invalid UTF-8?)"
	}
	return "'" + string(r) + "'"
}
