package lexer

import "testing"

func TestMatchOp(t *testing.T) {
	tests := []struct {
		src  string
		kind Kind
		n    int
	}{
		{"//=x", FLOORDIVASSIGN, 3},
		{"**2", POW, 2},
		{"**=", POWASSIGN, 3},
		{"<-", LT, 1},
		{"->", ARROW, 2},
		{"→", ARROW, 1},
		{"≠=", NE, 1},
		{"＝＝", EQ, 2},
		{"！＝", NE, 2},
		{"／／＝", FLOORDIVASSIGN, 3},
		{"−=", SUBASSIGN, 2},
		{"،", COMMA, 1},
		{"!", ILLEGAL, 0},
		{"@", AT, 1},
		{"@=", ATASSIGN, 2},
		{"＠＝", ATASSIGN, 2},
		{"...", ELLIPSIS, 3},
		{"..", DOT, 1},
		{"．．．", ELLIPSIS, 3},
		{"", ILLEGAL, 0},
		{"ａ", ILLEGAL, 0}, // full-width letters are not operators
	}
	for _, tt := range tests {
		k, _, n := matchOp([]rune(tt.src))
		if k != tt.kind || n != tt.n {
			t.Errorf("matchOp(%q) = %v, %d; want %v, %d", tt.src, k, n, tt.kind, tt.n)
		}
	}
}

func TestEveryOperatorHasASpelling(t *testing.T) {
	for k := opStart + 1; k < opEnd; k++ {
		got, _, n := matchOp([]rune(k.String()))
		if got != k || n != len([]rune(k.String())) {
			t.Errorf("%v scans as %v (%d runes)", k, got, n)
		}
	}
}
