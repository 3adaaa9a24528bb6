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

	// Words used inside messages to describe what was found.
	wordEndOfLine
	wordEndOfFile
	wordIndent
	wordEndOfBlock

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
		wordEndOfLine:       "end of line",
		wordEndOfFile:       "end of file",
		wordIndent:          "indent",
		wordEndOfBlock:      "end of block",
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
		wordEndOfLine:       "fin de ligne",
		wordEndOfFile:       "fin du fichier",
		wordIndent:          "indentation",
		wordEndOfBlock:      "fin de bloc",
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
