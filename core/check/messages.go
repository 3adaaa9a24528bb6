package check

import "fmt"

// A msgID names one error message of the checker.
//
// Every error is one CPython reports when it compiles the program (a
// SyntaxError), with CPython's wording, or a violation of our `const`
// rule. Where a message names a keyword, the keyword is passed as an
// argument spelled in the program's language ("'rendement' outside
// function"), except in the older messages whose rows spell it.
type msgID int

const (
	msgReturnOutside      msgID = iota + 1 // 'return' outside function
	msgBreakOutside                        // 'break' outside loop
	msgContinueOutside                     // 'continue' not properly in loop
	msgBadTarget                           // cannot assign to expression
	msgGlobalAtTop                         // name 'x' is parameter and global
	msgOutsideFunc                         // 'yield' / 'await' outside function
	msgOutsideAsync                        // 'await' / 'async for' / 'async with' outside async function
	msgYieldInComp                         // 'yield' inside list comprehension
	msgAsyncComp                           // asynchronous comprehension outside of an asynchronous function
	msgNonlocalModule                      // nonlocal declaration not allowed at module level
	msgNonlocalNoBinding                   // no binding for nonlocal 'x' found
	msgUsedBeforeDecl                      // name 'x' is used prior to global declaration
	msgAssignedBeforeDecl                  // name 'x' is assigned to before global declaration
	msgParamNonlocal                       // name 'x' is parameter and nonlocal
	msgNonlocalGlobal                      // name 'x' is nonlocal and global
	msgAnnotatedDecl                       // annotated name 'x' can't be global
	msgDuplicateArg                        // duplicate argument 'x' in function definition
	msgImportStar                          // import * only allowed at module level
	msgKeywordRepeated                     // keyword argument repeated: x
	msgWalrusIterVar                       // assignment expression cannot rebind comprehension iteration variable 'x'
	msgWalrusClass                         // assignment expression within a comprehension cannot be used in a class body
	msgWalrusIterExpr                      // assignment expression cannot be used in a comprehension iterable expression
	msgReturnAsyncGen                      // 'return' with value in async generator
	msgYieldFromAsync                      // 'yield from' inside async function
	msgExceptStarFlow                      // 'break', 'continue' and 'return' cannot appear in an except* block
	msgFutureLate                          // from __future__ imports must occur at the beginning of the file
	msgFutureUnknown                       // future feature x is not defined
	msgAssignDebug                         // cannot assign to __debug__
	msgDeleteDebug                         // cannot delete __debug__
	msgBadDelete                           // cannot delete literal
	msgPatternDup                          // multiple assignments to name 'x' in pattern
	msgPatternAlt                          // alternative patterns bind different names
	msgPatternCapture                      // name capture 'x' makes remaining patterns unreachable
	msgPatternWildcard                     // wildcard makes remaining patterns unreachable
	msgPatternKey                          // mapping pattern checks duplicate key ('a')
	msgPatternAttr                         // attribute name repeated in class pattern: x
	msgPatternStars                        // multiple starred names in sequence pattern
	msgConstAssign                         // cannot assign to constant 'x' (declared const on line 3)
	msgConstDelete                         // cannot delete constant 'x' (declared const on line 3)
	msgExceptDefault                       // default 'except:' must be last

	// Words used as arguments of messages.
	wordListComp
	wordSetComp
	wordDictComp
	wordGenExp
)

// messages holds every message in English and French, as fmt formats. A
// language missing from a row falls back to English.
var messages = map[msgID]map[string]string{
	msgReturnOutside: {
		"en": "'return' outside function",
		"fr": "'retour' en dehors d'une fonction",
	},
	msgBreakOutside: {
		"en": "'break' outside loop",
		"fr": "'arrêter' en dehors d'une boucle",
	},
	msgContinueOutside: {
		"en": "'continue' not properly in loop",
		"fr": "'continuer' en dehors d'une boucle",
	},
	msgBadTarget: {
		"en": "cannot assign to %s",
		"fr": "impossible d'affecter à %s",
	},
	msgGlobalAtTop: {
		"en": "name '%s' is parameter and global",
		"fr": "le nom '%s' est à la fois paramètre et global",
	},
	msgOutsideFunc: {
		"en": "'%s' outside function",
		"fr": "'%s' en dehors d'une fonction",
	},
	msgOutsideAsync: {
		"en": "'%s' outside async function",
		"fr": "'%s' en dehors d'une fonction asynchrone",
	},
	msgYieldInComp: {
		"en": "'%s' inside %s",
		"fr": "'%s' dans %s",
	},
	msgAsyncComp: {
		"en": "asynchronous comprehension outside of an asynchronous function",
		"fr": "compréhension asynchrone en dehors d'une fonction asynchrone",
	},
	msgNonlocalModule: {
		"en": "nonlocal declaration not allowed at module level",
		"fr": "déclaration nonlocal interdite au niveau du module",
	},
	msgNonlocalNoBinding: {
		"en": "no binding for nonlocal '%s' found",
		"fr": "aucune liaison trouvée pour le nom nonlocal '%s'",
	},
	msgUsedBeforeDecl: {
		"en": "name '%s' is used prior to %s declaration",
		"fr": "le nom '%s' est utilisé avant sa déclaration %s",
	},
	msgAssignedBeforeDecl: {
		"en": "name '%s' is assigned to before %s declaration",
		"fr": "le nom '%s' est affecté avant sa déclaration %s",
	},
	msgParamNonlocal: {
		"en": "name '%s' is parameter and nonlocal",
		"fr": "le nom '%s' est à la fois paramètre et nonlocal",
	},
	msgNonlocalGlobal: {
		"en": "name '%s' is nonlocal and global",
		"fr": "le nom '%s' est à la fois nonlocal et global",
	},
	msgAnnotatedDecl: {
		"en": "annotated name '%s' can't be %s",
		"fr": "le nom annoté '%s' ne peut pas être %s",
	},
	msgDuplicateArg: {
		"en": "duplicate argument '%s' in function definition",
		"fr": "argument '%s' en double dans la définition de fonction",
	},
	msgImportStar: {
		"en": "import * only allowed at module level",
		"fr": "import * n'est permis qu'au niveau du module",
	},
	msgKeywordRepeated: {
		"en": "keyword argument repeated: %s",
		"fr": "argument nommé répété : %s",
	},
	msgWalrusIterVar: {
		"en": "assignment expression cannot rebind comprehension iteration variable '%s'",
		"fr": "une expression d'affectation ne peut pas réaffecter la variable d'itération '%s' d'une compréhension",
	},
	msgWalrusClass: {
		"en": "assignment expression within a comprehension cannot be used in a class body",
		"fr": "une expression d'affectation dans une compréhension ne peut pas être utilisée dans le corps d'une classe",
	},
	msgWalrusIterExpr: {
		"en": "assignment expression cannot be used in a comprehension iterable expression",
		"fr": "une expression d'affectation ne peut pas être utilisée dans l'itérable d'une compréhension",
	},
	msgReturnAsyncGen: {
		"en": "'%s' with value in async generator",
		"fr": "'%s' avec une valeur dans un générateur asynchrone",
	},
	msgYieldFromAsync: {
		"en": "'%s' inside async function",
		"fr": "'%s' dans une fonction asynchrone",
	},
	msgExceptStarFlow: {
		"en": "'%s', '%s' and '%s' cannot appear in an %s* block",
		"fr": "'%s', '%s' et '%s' ne peuvent pas apparaître dans un bloc %s*",
	},
	msgFutureLate: {
		"en": "from __future__ imports must occur at the beginning of the file",
		"fr": "les imports de __future__ doivent être au début du fichier",
	},
	msgFutureUnknown: {
		"en": "future feature %s is not defined",
		"fr": "la fonctionnalité future %s n'est pas définie",
	},
	msgAssignDebug: {
		"en": "cannot assign to __debug__",
		"fr": "impossible d'affecter à __debug__",
	},
	msgDeleteDebug: {
		"en": "cannot delete __debug__",
		"fr": "impossible de supprimer __debug__",
	},
	msgBadDelete: {
		"en": "cannot delete %s",
		"fr": "impossible de supprimer %s",
	},
	msgPatternDup: {
		"en": "multiple assignments to name '%s' in pattern",
		"fr": "plusieurs affectations du nom '%s' dans le motif",
	},
	msgPatternAlt: {
		"en": "alternative patterns bind different names",
		"fr": "les motifs alternatifs lient des noms différents",
	},
	msgPatternCapture: {
		"en": "name capture '%s' makes remaining patterns unreachable",
		"fr": "la capture du nom '%s' rend les motifs suivants inatteignables",
	},
	msgPatternWildcard: {
		"en": "wildcard makes remaining patterns unreachable",
		"fr": "le joker rend les motifs suivants inatteignables",
	},
	msgPatternKey: {
		"en": "mapping pattern checks duplicate key (%s)",
		"fr": "le motif de dictionnaire teste deux fois la clé (%s)",
	},
	msgPatternAttr: {
		"en": "attribute name repeated in class pattern: %s",
		"fr": "nom d'attribut répété dans le motif de classe : %s",
	},
	msgPatternStars: {
		"en": "multiple starred names in sequence pattern",
		"fr": "plusieurs noms étoilés dans le motif de séquence",
	},
	msgConstAssign: {
		"en": "cannot assign to constant '%s' (declared const on line %d)",
		"fr": "impossible d'affecter à la constante '%s' (déclarée constante à la ligne %d)",
	},
	msgConstDelete: {
		"en": "cannot delete constant '%s' (declared const on line %d)",
		"fr": "impossible de supprimer la constante '%s' (déclarée constante à la ligne %d)",
	},
	msgExceptDefault: {
		"en": "default '%s:' must be last",
		"fr": "le '%s:' sans type d'exception doit être le dernier",
	},
	wordListComp: {"en": "list comprehension", "fr": "une compréhension de liste"},
	wordSetComp:  {"en": "set comprehension", "fr": "une compréhension d'ensemble"},
	wordDictComp: {"en": "dict comprehension", "fr": "une compréhension de dictionnaire"},
	wordGenExp:   {"en": "generator expression", "fr": "une expression génératrice"},
}

// message formats message id in language code, falling back to English.
func message(code string, id msgID, args ...any) string {
	row := messages[id]
	f, ok := row[code]
	if !ok {
		f = row["en"]
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
