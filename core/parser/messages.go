package parser

import "fmt"

// A msgID names one parser diagnostic; its wording per language lives in messages.
type msgID int

const (
	msgExpected msgID = iota
	msgExpectedExpr
	msgExpectedName
	msgExpectedFuncName
	msgExpectedParam
	msgExpectedType
	msgColonFunc
	msgColonHeader
	msgIndentedBlock
	msgUnexpectedIndent
	msgUnexpected
	msgEndOfLine
	msgInAfterFor
	msgClose
	msgWithout
	msgReserved
	msgUnsupportedOp
	msgBadTarget
	msgTuples
	msgKeywordArgs
	msgDefaults
	msgSlices
	msgComprehensions
	msgDicts
	msgAnnotations
	msgChainedAssign
	msgCannotAssign
	msgTooDeep
	msgMixBytes
	msgDefaultOrder
	msgBareStar
	msgParamOrder
	msgArgOrder
	msgGenArg
	msgExpectedPattern
	msgExceptOrFinally
	msgStarTarget
	msgWalrusHere
	msgExceptStarBare
	msgDuplicateStar
	msgExpectedImport
	msgBadFString
	msgStarHere

	// Words used inside messages to describe what was found.
	wordEndOfLine
	wordEndOfFile
	wordIndent
	wordEndOfBlock
	wordExpression
	wordCall
	wordLiteral
	wordTuple
	wordList

	numMessages
)

// messages holds the text of every parser diagnostic, by language code.
// English is the fallback for languages without their own column; adding a
// language means adding one map here (and one in core/lexer/messages.go).
// Messages name keywords with the user's own spelling: the parser passes the
// token text, or the language's first spelling of a keyword it expected.
var messages = map[string]map[msgID]string{
	"en": {
		msgExpected:         "expected %s, found %s",
		msgExpectedExpr:     "expected an expression, found %s",
		msgExpectedName:     "expected a name, found %s",
		msgExpectedFuncName: "expected the function name after '%s', found %s",
		msgExpectedParam:    "expected a parameter name, found %s",
		msgExpectedType:     "expected a type name, found %s",
		msgColonFunc:        "expected ':' after the function header, found %s",
		msgColonHeader:      "expected ':' after the '%s' header, found %s",
		msgIndentedBlock:    "expected an indented block after '%s' on line %d",
		msgUnexpectedIndent: "unexpected indent",
		msgUnexpected:       "unexpected %s",
		msgEndOfLine:        "expected the end of the line, found %s",
		msgInAfterFor:       "expected '%s' after the loop variable, found %s",
		msgClose:            "expected '%s' to close the '%s' opened at %s, found %s",
		msgWithout:          "'%s' without a matching '%s'",
		msgReserved:         "'%s' (%s) is not supported yet",
		msgUnsupportedOp:    "operator '%s' is not supported yet",
		msgBadTarget:        "cannot assign to this expression; only a name or an element such as a[i] can be assigned",
		msgTuples:           "tuples are not supported yet",
		msgKeywordArgs:      "keyword arguments are not supported yet",
		msgDefaults:         "default parameter values are not supported yet",
		msgSlices:           "slices are not supported yet",
		msgComprehensions:   "comprehensions are not supported yet",
		msgDicts:            "dictionaries and sets are not supported yet",
		msgAnnotations:      "variable annotations are not supported yet",
		msgChainedAssign:    "chained assignment (a = b = c) is not supported yet",
		msgCannotAssign:     "cannot assign to %s",
		msgTooDeep:          "the expressions are nested too deeply (more than %d levels)",
		msgMixBytes:         "cannot mix bytes and non-bytes literals",
		msgDefaultOrder:     "parameter without a default follows a parameter with a default",
		msgBareStar:         "a bare '*' must be followed by a keyword-only parameter",
		msgParamOrder:       "%s cannot come here in a parameter list",
		msgArgOrder:         "positional argument follows keyword argument",
		msgGenArg:           "a generator expression must be in parentheses unless it is the only argument",
		msgExpectedPattern:  "expected a pattern, found %s",
		msgExceptOrFinally:  "expected '%s' or '%s' after the '%s' block, found %s",
		msgStarTarget:       "a starred target must be inside a list or tuple of targets",
		msgWalrusHere:       "':=' cannot be used here without parentheses",
		msgExceptStarBare:   "'%s*' needs an exception type",
		msgDuplicateStar:    "only one starred target is allowed in an assignment",
		msgExpectedImport:   "expected '%s' after the module name, found %s",
		msgBadFString:       "in this f-string: %s",
		msgStarHere:         "a starred expression cannot stand alone here",
		wordEndOfLine:       "end of line",
		wordEndOfFile:       "end of file",
		wordIndent:          "indent",
		wordEndOfBlock:      "end of block",
		wordExpression:      "an expression",
		wordCall:            "a function call",
		wordLiteral:         "a literal",
		wordTuple:           "a tuple",
		wordList:            "a list",
	},
	"fr": {
		msgExpected:         "%s attendu, trouvé %s",
		msgExpectedExpr:     "expression attendue, trouvé %s",
		msgExpectedName:     "nom attendu, trouvé %s",
		msgExpectedFuncName: "nom de fonction attendu après '%s', trouvé %s",
		msgExpectedParam:    "nom de paramètre attendu, trouvé %s",
		msgExpectedType:     "nom de type attendu, trouvé %s",
		msgColonFunc:        "':' attendu après l'en-tête de la fonction, trouvé %s",
		msgColonHeader:      "':' attendu après l'en-tête du '%s', trouvé %s",
		msgIndentedBlock:    "bloc indenté attendu après '%s' à la ligne %d",
		msgUnexpectedIndent: "indentation inattendue",
		msgUnexpected:       "%s inattendu",
		msgEndOfLine:        "fin de ligne attendue, trouvé %s",
		msgInAfterFor:       "'%s' attendu après la variable de boucle, trouvé %s",
		msgClose:            "'%s' attendu pour fermer le '%s' ouvert en %s, trouvé %s",
		msgWithout:          "'%s' sans '%s' correspondant",
		msgReserved:         "'%s' (%s) n'est pas encore pris en charge",
		msgUnsupportedOp:    "l'opérateur '%s' n'est pas encore pris en charge",
		msgBadTarget:        "impossible d'affecter à cette expression ; seuls un nom ou un élément comme a[i] peuvent recevoir une valeur",
		msgTuples:           "les tuples ne sont pas encore pris en charge",
		msgKeywordArgs:      "les arguments nommés ne sont pas encore pris en charge",
		msgDefaults:         "les valeurs par défaut des paramètres ne sont pas encore prises en charge",
		msgSlices:           "les tranches ne sont pas encore prises en charge",
		msgComprehensions:   "les compréhensions ne sont pas encore prises en charge",
		msgDicts:            "les dictionnaires et ensembles ne sont pas encore pris en charge",
		msgAnnotations:      "les annotations de variables ne sont pas encore prises en charge",
		msgChainedAssign:    "l'affectation en chaîne (a = b = c) n'est pas encore prise en charge",
		msgCannotAssign:     "impossible d'affecter à %s",
		msgTooDeep:          "les expressions sont imbriquées trop profondément (plus de %d niveaux)",
		msgMixBytes:         "impossible de mélanger des littéraux bytes et non-bytes",
		msgDefaultOrder:     "un paramètre sans valeur par défaut suit un paramètre qui en a une",
		msgBareStar:         "un '*' seul doit être suivi d'un paramètre nommé",
		msgParamOrder:       "%s ne peut pas venir ici dans la liste des paramètres",
		msgArgOrder:         "un argument positionnel suit un argument nommé",
		msgGenArg:           "une expression génératrice doit être entre parenthèses, sauf si elle est le seul argument",
		msgExpectedPattern:  "motif attendu, trouvé %s",
		msgExceptOrFinally:  "'%s' ou '%s' attendu après le bloc '%s', trouvé %s",
		msgStarTarget:       "une cible étoilée doit être dans une liste ou un tuple de cibles",
		msgWalrusHere:       "':=' ne peut pas être utilisé ici sans parenthèses",
		msgExceptStarBare:   "'%s*' demande un type d'exception",
		msgDuplicateStar:    "une seule cible étoilée est permise dans une affectation",
		msgExpectedImport:   "'%s' attendu après le nom du module, trouvé %s",
		msgBadFString:       "dans cette f-string : %s",
		msgStarHere:         "une expression étoilée ne peut pas être seule ici",
		wordEndOfLine:       "fin de ligne",
		wordEndOfFile:       "fin du fichier",
		wordIndent:          "indentation",
		wordEndOfBlock:      "fin de bloc",
		wordExpression:      "une expression",
		wordCall:            "un appel de fonction",
		wordLiteral:         "un littéral",
		wordTuple:           "un tuple",
		wordList:            "une liste",
	},
}

// message formats diagnostic id in the language code, falling back to English.
func message(code string, id msgID, args ...any) string {
	table, ok := messages[code]
	if !ok {
		table = messages["en"]
	}
	format, ok := table[id]
	if !ok {
		format = messages["en"][id]
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
