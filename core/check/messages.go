package check

import "github.com/multilingualprogramming/multilingual/core/lang"

// A msgID names one error message of the checker: its id in core/lang's
// message catalogue, which holds its text in every language (the
// [messages] section of core/lang/data/<code>.txt).
//
// Every error is one CPython reports when it compiles the program (a
// SyntaxError), with CPython's wording, or a violation of our `const`
// rule. Where a message names a keyword, the keyword is spelled in the
// program's language ("'rendement' outside function"): passed as an
// argument, or written {keyword} in the catalogue's text.
type msgID string

// The checker's messages, with an English example of each. An id keeps its
// meaning; a new message gets a new id, with its text in every language's
// table.
const (
	msgReturnOutside      msgID = "check.return_outside"              // 'return' outside function
	msgBreakOutside       msgID = "check.break_outside"               // 'break' outside loop
	msgContinueOutside    msgID = "check.continue_outside"            // 'continue' not properly in loop
	msgBadTarget          msgID = "check.bad_target"                  // cannot assign to expression
	msgGlobalAtTop        msgID = "check.param_global"                // name 'x' is parameter and global
	msgOutsideFunc        msgID = "check.outside_function"            // 'yield' / 'await' outside function
	msgOutsideAsync       msgID = "check.outside_async"               // 'await' / 'async for' / 'async with' outside async function
	msgYieldInComp        msgID = "check.yield_in_comprehension"      // 'yield' inside list comprehension
	msgAsyncComp          msgID = "check.async_comprehension"         // asynchronous comprehension outside of an asynchronous function
	msgNonlocalModule     msgID = "check.nonlocal_module"             // nonlocal declaration not allowed at module level
	msgNonlocalNoBinding  msgID = "check.nonlocal_no_binding"         // no binding for nonlocal 'x' found
	msgUsedBeforeDecl     msgID = "check.used_before_declaration"     // name 'x' is used prior to global declaration
	msgAssignedBeforeDecl msgID = "check.assigned_before_declaration" // name 'x' is assigned to before global declaration
	msgParamNonlocal      msgID = "check.param_nonlocal"              // name 'x' is parameter and nonlocal
	msgNonlocalGlobal     msgID = "check.nonlocal_global"             // name 'x' is nonlocal and global
	msgAnnotatedDecl      msgID = "check.annotated_declaration"       // annotated name 'x' can't be global
	msgDuplicateArg       msgID = "check.duplicate_argument"          // duplicate argument 'x' in function definition
	msgImportStar         msgID = "check.import_star"                 // import * only allowed at module level
	msgKeywordRepeated    msgID = "check.keyword_repeated"            // keyword argument repeated: x
	msgWalrusIterVar      msgID = "check.walrus_iteration_var"        // assignment expression cannot rebind comprehension iteration variable 'x'
	msgWalrusClass        msgID = "check.walrus_class"                // assignment expression within a comprehension cannot be used in a class body
	msgWalrusIterExpr     msgID = "check.walrus_iterable"             // assignment expression cannot be used in a comprehension iterable expression
	msgReturnAsyncGen     msgID = "check.return_async_generator"      // 'return' with value in async generator
	msgYieldFromAsync     msgID = "check.yield_from_async"            // 'yield from' inside async function
	msgExceptStarFlow     msgID = "check.except_star_flow"            // 'break', 'continue' and 'return' cannot appear in an except* block
	msgFutureLate         msgID = "check.future_late"                 // from __future__ imports must occur at the beginning of the file
	msgFutureUnknown      msgID = "check.future_unknown"              // future feature x is not defined
	msgAssignDebug        msgID = "check.assign_debug"                // cannot assign to __debug__
	msgDeleteDebug        msgID = "check.delete_debug"                // cannot delete __debug__
	msgBadDelete          msgID = "check.bad_delete"                  // cannot delete literal
	msgPatternDup         msgID = "check.pattern_duplicate"           // multiple assignments to name 'x' in pattern
	msgPatternAlt         msgID = "check.pattern_alternatives"        // alternative patterns bind different names
	msgPatternCapture     msgID = "check.pattern_capture"             // name capture 'x' makes remaining patterns unreachable
	msgPatternWildcard    msgID = "check.pattern_wildcard"            // wildcard makes remaining patterns unreachable
	msgPatternKey         msgID = "check.pattern_key"                 // mapping pattern checks duplicate key ('a')
	msgPatternAttr        msgID = "check.pattern_attribute"           // attribute name repeated in class pattern: x
	msgPatternStars       msgID = "check.pattern_stars"               // multiple starred names in sequence pattern
	msgConstAssign        msgID = "check.const_assign"                // cannot assign to constant 'x' (declared const on line 3)
	msgConstDelete        msgID = "check.const_delete"                // cannot delete constant 'x' (declared const on line 3)
	msgExceptDefault      msgID = "check.except_default"              // default 'except:' must be last
	msgTooManyIndents     msgID = "check.too_many_indents"            // too many levels of indentation (more than 99)
	msgTooManyBlocks      msgID = "check.too_many_blocks"             // too many statically nested blocks (more than 20)
	msgTooDeepExpr        msgID = "check.too_deep_expression"         // the expression is nested too deeply for Python (more than 180 levels)
	msgTooManyElifs       msgID = "check.too_many_elifs"              // too many 'elif' branches in a row for Python (the program is more than 450 levels deep here)

	// Words used as arguments of messages.
	wordListComp   msgID = "check.word.list_comprehension"
	wordSetComp    msgID = "check.word.set_comprehension"
	wordDictComp   msgID = "check.word.dict_comprehension"
	wordGenExp     msgID = "check.word.generator_expression"
	wordCall       msgID = "check.word.call"
	wordLiteral    msgID = "check.word.literal"
	wordExpression msgID = "check.word.expression"
)

// message formats message id in language code (in English where the
// language lacks it).
func message(code string, id msgID, args ...any) string {
	return lang.Message(code, string(id), args...)
}
