package lexer

import (
	"fmt"
	"unicode"
)

// A msgID names one lexer diagnostic; its wording per language lives in messages.
type msgID int

const (
	msgUnexpectedChar msgID = iota
	msgUnterminatedString
	msgBadEscape
	msgBadNumber
	msgLeadingZeros
	msgBadDedent
	msgTabSpace
	msgBadIndentChar
	msgNeverClosed
	msgUnmatched
	msgMismatched
	msgNamedEscape
	msgBytesNonASCII
	msgFEmptyExpr
	msgFSingleBrace
	msgFExpectBrace
	msgFNoConv
	msgFConvSpace
	msgFBadConv
	msgFExpectAfterDebug
	msgFExpectAfterConv
	msgFTooDeep
	msgFTooManyNested
	msgFSpecNewline
	msgCount // the number of messages
)

// messages holds the text of every lexer diagnostic, by language code. English
// is the fallback for languages without their own entry; to add a language,
// add a column here (and in core/parser/messages.go).
var messages = map[string]map[msgID]string{
	"en": {
		msgUnexpectedChar:     "unexpected character %s",
		msgUnterminatedString: "unterminated string",
		msgBadEscape:          "invalid escape sequence %s",
		msgBadNumber:          "invalid number literal '%s'",
		msgLeadingZeros:       "leading zeros in decimal integer literals are not permitted; use 0o for octal",
		msgBadDedent:          "unindent does not match any outer indentation level",
		msgTabSpace:           "inconsistent use of tabs and spaces in indentation",
		msgBadIndentChar:      "invalid character %s in indentation; use spaces or tabs",
		msgNeverClosed:        "'%s' was never closed",
		msgUnmatched:          "unmatched '%s'",
		msgMismatched:         "closing '%s' does not match opening '%s'",
		msgNamedEscape:        "unknown Unicode character name '%s' in \\N{...}",
		msgBytesNonASCII:      "bytes can only contain ASCII literal characters",
		msgFEmptyExpr:         "f-string: valid expression required before '%s'",
		msgFSingleBrace:       "f-string: single '}' is not allowed",
		msgFExpectBrace:       "f-string: expecting '}'",
		msgFNoConv:            "f-string: missing conversion character",
		msgFConvSpace:         "f-string: conversion type must come right after the exclamation mark",
		msgFBadConv:           "f-string: invalid conversion character %s: expected 's', 'r', or 'a'",
		msgFExpectAfterDebug:  "f-string: expecting '!', or ':', or '}'",
		msgFExpectAfterConv:   "f-string: expecting ':' or '}'",
		msgFTooDeep:           "f-string: expressions nested too deeply",
		msgFTooManyNested:     "too many nested f-strings",
		msgFSpecNewline:       "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
	},
	"fr": {
		msgUnexpectedChar:     "caractère inattendu %s",
		msgUnterminatedString: "chaîne non terminée",
		msgBadEscape:          "séquence d'échappement invalide %s",
		msgBadNumber:          "nombre invalide '%s'",
		msgLeadingZeros:       "les zéros en tête d'un entier décimal ne sont pas permis ; utilisez 0o pour l'octal",
		msgBadDedent:          "la désindentation ne correspond à aucun niveau d'indentation extérieur",
		msgTabSpace:           "mélange incohérent de tabulations et d'espaces dans l'indentation",
		msgBadIndentChar:      "caractère %s invalide dans l'indentation ; utilisez des espaces ou des tabulations",
		msgNeverClosed:        "'%s' n'a jamais été fermé",
		msgUnmatched:          "'%s' sans ouverture correspondante",
		msgMismatched:         "'%s' fermant ne correspond pas à '%s' ouvrant",
		msgNamedEscape:        "nom de caractère Unicode inconnu '%s' dans \\N{...}",
		msgBytesNonASCII:      "un littéral bytes ne peut contenir que des caractères ASCII",
		msgFEmptyExpr:         "f-string : expression attendue avant '%s'",
		msgFSingleBrace:       "f-string : '}' seule n'est pas permise (écrivez '}}')",
		msgFExpectBrace:       "f-string : '}' attendue",
		msgFNoConv:            "f-string : caractère de conversion manquant",
		msgFConvSpace:         "f-string : la conversion doit suivre immédiatement le point d'exclamation",
		msgFBadConv:           "f-string : caractère de conversion %s invalide : 's', 'r' ou 'a' attendu",
		msgFExpectAfterDebug:  "f-string : '!', ':' ou '}' attendu",
		msgFExpectAfterConv:   "f-string : ':' ou '}' attendu",
		msgFTooDeep:           "f-string : expressions imbriquées trop profondément",
		msgFTooManyNested:     "trop de f-strings imbriquées",
		msgFSpecNewline:       "f-string : pas de saut de ligne dans la spécification de format d'une f-string entre guillemets simples",
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
	return fmt.Sprintf(format, args...)
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
