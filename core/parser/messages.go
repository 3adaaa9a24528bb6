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
	msgColonFunc        msgID = "parser.colon_func"
	msgColonHeader      msgID = "parser.colon_header"
	msgIndentedBlock    msgID = "parser.indented_block"
	msgUnexpectedIndent msgID = "parser.unexpected_indent"
	msgUnexpected       msgID = "parser.unexpected"
	msgEndOfLine        msgID = "parser.end_of_line"
	msgInAfterFor       msgID = "parser.in_after_for"
	msgClose            msgID = "parser.close"
	msgWithout          msgID = "parser.without"
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
	msgStarHere         msgID = "parser.star_here"
	msgExtension        msgID = "parser.extension"
	msgKeywordAsName    msgID = "parser.keyword_as_name"
	msgKeywordOrName    msgID = "parser.keyword_or_name"
	msgKeywordGuess     msgID = "parser.keyword_guess"
	msgMissingParens    msgID = "parser.missing_parens"

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

	// What each extension of the language is (see extensionWords), for
	// msgExtension.
	wordExtEnum          msgID = "parser.word.ext_enum"
	wordExtTypeDecl      msgID = "parser.word.ext_typedecl"
	wordExtEffects       msgID = "parser.word.ext_effects"
	wordExtScope         msgID = "parser.word.ext_scope"
	wordExtReactive      msgID = "parser.word.ext_reactive"
	wordExtUI            msgID = "parser.word.ext_ui"
	wordExtAI            msgID = "parser.word.ext_ai"
	wordExtConcurrency   msgID = "parser.word.ext_concurrency"
	wordExtObservability msgID = "parser.word.ext_observability"
	wordExtPlacement     msgID = "parser.word.ext_placement"
	wordExtAgents        msgID = "parser.word.ext_agents"
)

// extensionWords names, for each group of the language tables'
// [extensions] section, what that extension is.
var extensionWords = map[string]msgID{
	"enum": wordExtEnum, "typedecl": wordExtTypeDecl, "effects": wordExtEffects,
	"scope": wordExtScope, "reactive": wordExtReactive, "ui": wordExtUI, "ai": wordExtAI,
	"concurrency": wordExtConcurrency, "observability": wordExtObservability,
	"placement": wordExtPlacement, "agents": wordExtAgents,
}

// message formats diagnostic id in the language code (in English where the
// language lacks it).
func message(code string, id msgID, args ...any) string {
	return lang.Message(code, string(id), args...)
}
