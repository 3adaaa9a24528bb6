package lexer

import "testing"

func TestKindString(t *testing.T) {
	tests := []struct {
		k    Kind
		want string
	}{
		{NAME, "NAME"}, {FLOORDIVASSIGN, "//="}, {ARROW, "->"}, {FSTRING, "FSTRING"}, {ATASSIGN, "@="}, {ELLIPSIS, "..."}, {Kind(999), "Kind(999)"}, {Kind(-1), "Kind(-1)"},
	}
	for _, tt := range tests {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("%d.String() = %q, want %q", int(tt.k), got, tt.want)
		}
	}
	if !ADD.IsOperator() || NAME.IsOperator() || opEnd.IsOperator() {
		t.Error("IsOperator is wrong")
	}
}

func TestTokenString(t *testing.T) {
	tests := []struct {
		tok  Token
		want string
	}{
		{Token{Kind: NAME, Value: "x"}, "NAME(x)"},
		{Token{Kind: STRING, Value: "a\n"}, `STRING("a\n")`},
		{Token{Kind: KEYWORD, Value: "sinon si", Keyword: "elif"}, "KW(elif)"},
		{Token{Kind: LPAREN}, "("},
		{Token{Kind: BYTES, Value: "a\xff"}, `BYTES("a\xff")`},
		{Token{Kind: IMAG, Value: "1.5"}, "IMAG(1.5)"},
		{Token{Kind: AT, Value: "@"}, "@"},
		{Token{Kind: ELLIPSIS}, "..."},
		{Token{Kind: FSTRING, FParts: []FPart{
			{Lit: "a"},
			{Expr: "x ", Debug: "x = ", Conv: 'r', HasSpec: true, Spec: []FPart{{Lit: ">"}, {Expr: "w"}}},
			{Expr: "y", HasSpec: true},
		}}, `FSTRING("a" {"x " debug="x = " !r :">" {"w"}} {"y" :})`},
	}
	for _, tt := range tests {
		if got := tt.tok.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
