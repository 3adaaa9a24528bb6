package parser

import "github.com/multilingualprogramming/multilingual/core/lang"

// A msgID names one parser diagnostic: its id in core/lang's message
// catalogue, which holds its text in every language (the [messages]
// section of core/lang/data/<code>.txt). Messages name keywords with the
// user's own spelling: the parser passes the token text, or the language's
// first spelling of a keyword it expected.
type msgID string

// The parser's diagnostics. An id keeps its meaning; a new message gets a
// new id, with its text in every language's table.
const (
	msgExpected         msgID = "parser.expected"
	msgExpectedExpr     msgID = "parser.expected_expr"
	msgExpectedName     msgID = "parser.expected_name"
	msgExpectedFuncName msgID = "parser.expected_func_name"
	msgExpectedParam    msgID = "parser.expected_param"
	msgExpectedType     msgID = "parser.expected_type"
	msgColonFunc        msgID = "parser.colon_func"
	msgColonHeader      msgID = "parser.colon_header"
	msgIndentedBlock    msgID = "parser.indented_block"
	msgUnexpectedIndent msgID = "parser.unexpected_indent"
	msgUnexpected       msgID = "parser.unexpected"
	msgEndOfLine        msgID = "parser.end_of_line"
	msgInAfterFor       msgID = "parser.in_after_for"
	msgClose            msgID = "parser.close"
	msgWithout          msgID = "parser.without"
	msgReserved         msgID = "parser.reserved"
	msgUnsupportedOp    msgID = "parser.unsupported_op"
	msgBadTarget        msgID = "parser.bad_target"
	msgTuples           msgID = "parser.tuples"
	msgKeywordArgs      msgID = "parser.keyword_args"
	msgDefaults         msgID = "parser.defaults"
	msgSlices           msgID = "parser.slices"
	msgComprehensions   msgID = "parser.comprehensions"
	msgDicts            msgID = "parser.dicts"
	msgAnnotations      msgID = "parser.annotations"
	msgChainedAssign    msgID = "parser.chained_assign"
	msgCannotAssign     msgID = "parser.cannot_assign"
	msgTooDeep          msgID = "parser.too_deep"
	msgMixBytes         msgID = "parser.mix_bytes"
	msgDefaultOrder     msgID = "parser.default_order"
	msgBareStar         msgID = "parser.bare_star"
	msgParamOrder       msgID = "parser.param_order"
	msgArgOrder         msgID = "parser.arg_order"
	msgGenArg           msgID = "parser.generator_arg"
	msgExpectedPattern  msgID = "parser.expected_pattern"
	msgExceptOrFinally  msgID = "parser.except_or_finally"
	msgStarTarget       msgID = "parser.star_target"
	msgWalrusHere       msgID = "parser.walrus_here"
	msgExceptStarBare   msgID = "parser.except_star_bare"
	msgDuplicateStar    msgID = "parser.duplicate_star"
	msgExpectedImport   msgID = "parser.expected_import"
	msgBadFString       msgID = "parser.bad_fstring"
	msgStarHere         msgID = "parser.star_here"

	// Words used inside messages to describe what was found.
	wordEndOfLine  msgID = "parser.word.end_of_line"
	wordEndOfFile  msgID = "parser.word.end_of_file"
	wordIndent     msgID = "parser.word.indent"
	wordEndOfBlock msgID = "parser.word.end_of_block"
	wordExpression msgID = "parser.word.expression"
	wordCall       msgID = "parser.word.call"
	wordLiteral    msgID = "parser.word.literal"
	wordTuple      msgID = "parser.word.tuple"
	wordList       msgID = "parser.word.list"
)

// message formats diagnostic id in the language code (in English where the
// language lacks it).
func message(code string, id msgID, args ...any) string {
	return lang.Message(code, string(id), args...)
}
