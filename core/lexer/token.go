package lexer

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// A Kind is the class of a token. Every operator and delimiter has its own
// Kind, named after its ASCII spelling, whatever Unicode alternative the
// user wrote (× scans as MUL, ≤ as LE).
type Kind int

// The token kinds.
const (
	ILLEGAL Kind = iota // an unexpected character, already reported as an error
	EOF
	NEWLINE
	INDENT
	DEDENT
	NAME
	INT
	FLOAT
	STRING
	KEYWORD

	opStart
	ADD       // +
	SUB       // -
	MUL       // *
	DIV       // /
	FLOORDIV  // //
	MOD       // %
	POW       // **
	EQ        // ==
	NE        // !=
	LT        // <
	LE        // <=
	GT        // >
	GE        // >=
	ASSIGN    // =
	ADDASSIGN // +=
	SUBASSIGN // -=
	MULASSIGN // *=
	DIVASSIGN // /=
	FLOORDIVASSIGN
	MODASSIGN   // %=
	POWASSIGN   // **=
	LPAREN      // (
	RPAREN      // )
	LBRACK      // [
	RBRACK      // ]
	LBRACE      // {
	RBRACE      // }
	COMMA       // ,
	COLON       // :
	SEMI        // ;
	DOT         // .
	ARROW       // ->
	WALRUS      // :=  (scanned so the parser can say it is not supported)
	AMP         // &
	PIPE        // |
	CARET       // ^
	TILDE       // ~
	SHL         // <<
	SHR         // >>
	AMPASSIGN   // &=
	PIPEASSIGN  // |=
	CARETASSIGN // ^=
	SHLASSIGN   // <<=
	SHRASSIGN   // >>=
	opEnd
)

var kindNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "EOF", NEWLINE: "NEWLINE", INDENT: "INDENT", DEDENT: "DEDENT",
	NAME: "NAME", INT: "INT", FLOAT: "FLOAT", STRING: "STRING", KEYWORD: "KEYWORD",
	ADD: "+", SUB: "-", MUL: "*", DIV: "/", FLOORDIV: "//", MOD: "%", POW: "**",
	EQ: "==", NE: "!=", LT: "<", LE: "<=", GT: ">", GE: ">=",
	ASSIGN: "=", ADDASSIGN: "+=", SUBASSIGN: "-=", MULASSIGN: "*=", DIVASSIGN: "/=",
	FLOORDIVASSIGN: "//=", MODASSIGN: "%=", POWASSIGN: "**=",
	LPAREN: "(", RPAREN: ")", LBRACK: "[", RBRACK: "]", LBRACE: "{", RBRACE: "}",
	COMMA: ",", COLON: ":", SEMI: ";", DOT: ".", ARROW: "->", WALRUS: ":=",
	AMP: "&", PIPE: "|", CARET: "^", TILDE: "~", SHL: "<<", SHR: ">>",
	AMPASSIGN: "&=", PIPEASSIGN: "|=", CARETASSIGN: "^=", SHLASSIGN: "<<=", SHRASSIGN: ">>=",
}

// String returns the kind's name: "NAME", or the ASCII spelling of an operator ("+=").
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// IsOperator reports whether k is an operator or delimiter.
func (k Kind) IsOperator() bool { return k > opStart && k < opEnd }

// A Token is one lexical token.
type Token struct {
	Kind Kind
	// Text is the token exactly as written ("sinon  si", "١٢", "«bonjour»").
	// NEWLINE, INDENT, DEDENT and EOF have an empty Text.
	Text string
	// Value is the normalized form: ASCII decimal digits for INT ("0x1F" ->
	// "31", "١٢" -> "12"), the ASCII spelling of a FLOAT without underscores,
	// the decoded contents of a STRING, the word itself for NAME and KEYWORD,
	// and the ASCII operator for operators ("×" -> "*").
	Value string
	// Keyword is the canonical keyword of a KEYWORD token ("if", "not in").
	Keyword lang.Keyword
	Span    source.Span
}

// String returns a short description of t for tests and debugging: the kind,
// followed by the value in parentheses for names, literals and keywords.
func (t Token) String() string {
	switch t.Kind {
	case NAME, INT, FLOAT:
		return fmt.Sprintf("%s(%s)", t.Kind, t.Value)
	case STRING:
		return fmt.Sprintf("STRING(%q)", t.Value)
	case KEYWORD:
		return fmt.Sprintf("KW(%s)", t.Keyword)
	}
	return t.Kind.String()
}
