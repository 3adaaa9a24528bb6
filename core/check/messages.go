package check

import "fmt"

// A msgID names one error message of the checker.
type msgID int

const (
	msgUndefined       msgID = iota + 1 // name 'x' is not defined
	msgArity                            // f() takes N arguments but M were given
	msgArityRange                       // f() takes from N to M arguments but K were given
	msgArityMin                         // f() takes at least N arguments but M were given
	msgReturnOutside                    // 'return' outside function
	msgBreakOutside                     // 'break' outside loop
	msgContinueOutside                  // 'continue' not properly in loop
	msgBadTarget                        // cannot assign to expression
	msgUnknownType                      // unknown type 'x'
	msgGlobalAtTop                      // name 'x' is parameter and global
	msgNotCallable                      // 'x' object is not callable
)

// messages holds every message in English and French, as fmt formats. A
// language missing from a row falls back to English.
var messages = map[msgID]map[string]string{
	msgUndefined: {
		"en": "name '%s' is not defined",
		"fr": "le nom '%s' n'est pas défini",
	},
	msgArity: {
		"en": "%s() takes %d positional arguments but %d were given",
		"fr": "%s() prend %d arguments positionnels mais %d ont été donnés",
	},
	msgArityRange: {
		"en": "%s() takes from %d to %d positional arguments but %d were given",
		"fr": "%s() prend de %d à %d arguments positionnels mais %d ont été donnés",
	},
	msgArityMin: {
		"en": "%s() takes at least %d arguments but %d were given",
		"fr": "%s() prend au moins %d arguments mais %d ont été donnés",
	},
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
	msgUnknownType: {
		"en": "unknown type '%s'",
		"fr": "type inconnu '%s'",
	},
	msgGlobalAtTop: {
		"en": "name '%s' is parameter and global",
		"fr": "le nom '%s' est à la fois paramètre et global",
	},
	msgNotCallable: {
		"en": "'%s' object is not callable",
		"fr": "un objet '%s' n'est pas appelable",
	},
}

// message formats message id in language code, falling back to English.
func message(code string, id msgID, args ...any) string {
	row := messages[id]
	f, ok := row[code]
	if !ok {
		f = row["en"]
	}
	return fmt.Sprintf(f, args...)
}
