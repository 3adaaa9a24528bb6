package lexer

import (
	"fmt"
	"strconv"
	"strings"

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
	BYTES   // a bytes literal: b'...'
	FSTRING // an f-string: f'...'; its pieces are in Token.FParts
	IMAG    // an imaginary literal: 2j

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
	AT          // @
	ATASSIGN    // @=
	ELLIPSIS    // ...
	opEnd
)

var kindNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "EOF", NEWLINE: "NEWLINE", INDENT: "INDENT", DEDENT: "DEDENT",
	NAME: "NAME", INT: "INT", FLOAT: "FLOAT", STRING: "STRING", KEYWORD: "KEYWORD",
	BYTES: "BYTES", FSTRING: "FSTRING", IMAG: "IMAG",
	ADD: "+", SUB: "-", MUL: "*", DIV: "/", FLOORDIV: "//", MOD: "%", POW: "**",
	EQ: "==", NE: "!=", LT: "<", LE: "<=", GT: ">", GE: ">=",
	ASSIGN: "=", ADDASSIGN: "+=", SUBASSIGN: "-=", MULASSIGN: "*=", DIVASSIGN: "/=",
	FLOORDIVASSIGN: "//=", MODASSIGN: "%=", POWASSIGN: "**=",
	LPAREN: "(", RPAREN: ")", LBRACK: "[", RBRACK: "]", LBRACE: "{", RBRACE: "}",
	COMMA: ",", COLON: ":", SEMI: ";", DOT: ".", ARROW: "->", WALRUS: ":=",
	AMP: "&", PIPE: "|", CARET: "^", TILDE: "~", SHL: "<<", SHR: ">>",
	AMPASSIGN: "&=", PIPEASSIGN: "|=", CARETASSIGN: "^=", SHLASSIGN: "<<=", SHRASSIGN: ">>=",
	AT: "@", ATASSIGN: "@=", ELLIPSIS: "...",
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
	// Text is the token exactly as written ("sinon  si", "١٢", "«bonjour»",
	// "rb'\\x00'", with a string's prefix and quotes). NEWLINE, INDENT,
	// DEDENT and EOF have an empty Text.
	Text string
	// Value is the normalized form:
	//   - INT: ASCII decimal digits ("0x1F" -> "31", "١٢" -> "12");
	//   - FLOAT: the ASCII spelling without underscores ("1_0.5e3" -> "10.5e3");
	//   - IMAG: the ASCII spelling of the imaginary part as a FLOAT's, without
	//     the j ("1.5j" -> "1.5", "2J" -> "2", ".5j" -> ".5");
	//   - STRING: the decoded text;
	//   - BYTES: the decoded bytes (any byte values, not necessarily UTF-8);
	//   - FSTRING: empty (see FParts);
	//   - NAME and KEYWORD: the word itself;
	//   - operators: the ASCII operator ("×" -> "*").
	Value string
	// Keyword is the canonical keyword of a KEYWORD token ("if", "not in").
	Keyword lang.Keyword
	// FParts are the pieces of an FSTRING, in order: literal text and
	// replacement fields. Adjacent literal text is one piece, and there are
	// no empty literal pieces, so f"" has none.
	FParts []FPart
	Span   source.Span
}

// An FPart is one piece of an f-string: literal text or a replacement field.
type FPart struct {
	// Lit is the decoded literal text, when Expr is "": escapes decoded
	// (kept as written in a raw f-string), "{{" and "}}" as single braces.
	Lit string
	// Expr is the replacement field's expression source, exactly as written
	// between the '{' and the '=', '!', ':' or '}' that ends it: blanks,
	// newlines and comments included. The parser scans it with ScanExpr,
	// which reports the errors inside it (an unexpected character, a bad
	// escape in a nested string, the pieces of a nested f-string): Scan
	// reports only those of the f-string's own structure.
	Expr string
	// At is the position in the file of the first rune of Expr (the rune
	// just after the '{').
	At source.Pos
	// Debug is, for a self-documenting field "{x = }", the text from just
	// after '{' up to and including '=' and the blanks after it, exactly as
	// written ("x = "), except that comments are left out and "\r\n" is
	// read as "\n", as CPython does; else "". Conv is not set for it:
	// Python's default !r for a debugging field without conversion or spec
	// is the parser's to apply.
	Debug string
	// Conv is the conversion: 0, 'r', 's' or 'a' (from "!r", "!s", "!a").
	Conv rune
	// HasSpec reports that a ':' format spec was written, even an empty one.
	HasSpec bool
	// Spec holds the format spec's pieces: literal text and nested
	// replacement fields.
	Spec []FPart
}

// IsField reports whether p is a replacement field rather than literal text.
func (p FPart) IsField() bool { return p.Expr != "" }

// String describes p for tests and debugging: a literal as a quoted Go
// string, a field as {"expr" debug="x=" !r :spec...}.
func (p FPart) String() string {
	if !p.IsField() {
		return strconv.Quote(p.Lit)
	}
	var b strings.Builder
	b.WriteString("{" + strconv.Quote(p.Expr))
	if p.Debug != "" {
		b.WriteString(" debug=" + strconv.Quote(p.Debug))
	}
	if p.Conv != 0 {
		b.WriteString(" !" + string(p.Conv))
	}
	if p.HasSpec {
		b.WriteString(" :")
		for i, sp := range p.Spec {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(sp.String())
		}
	}
	b.WriteString("}")
	return b.String()
}

// String returns a short description of t for tests and debugging: the kind,
// followed by the value in parentheses for names, literals and keywords, and
// the pieces of an f-string.
func (t Token) String() string {
	switch t.Kind {
	case NAME, INT, FLOAT, IMAG:
		return fmt.Sprintf("%s(%s)", t.Kind, t.Value)
	case STRING, BYTES:
		return fmt.Sprintf("%s(%q)", t.Kind, t.Value)
	case FSTRING:
		parts := make([]string, len(t.FParts))
		for i, p := range t.FParts {
			parts[i] = p.String()
		}
		return "FSTRING(" + strings.Join(parts, " ") + ")"
	case KEYWORD:
		return fmt.Sprintf("KW(%s)", t.Keyword)
	}
	return t.Kind.String()
}
