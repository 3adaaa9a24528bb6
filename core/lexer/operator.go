package lexer

// Operators are matched on their ASCII spelling. Each rune the user wrote is
// first mapped to ASCII: the Unicode alternatives listed in
// shared/reference/operators.json (full-width forms, ×, ÷, −, the Arabic
// comma) map to one ASCII character each, so that "＊＊" is "**" and "／／="
// is "//="; the symbols that stand for a whole operator (≤ ≥ ≠ → ≪ ≫) map to
// it directly. The full-width forms follow from the rule for the block, so
// "＠" is "@" and "．．．" is "..." although the table lists neither.

// opKinds maps every ASCII operator spelling to its kind.
var opKinds = map[string]Kind{}

func init() {
	for k := opStart + 1; k < opEnd; k++ {
		opKinds[kindNames[k]] = k
	}
}

// wholeOps maps a Unicode symbol to the whole ASCII operator it stands for.
var wholeOps = map[rune]string{
	'≤': "<=", '≥': ">=", '≠': "!=", '→': "->", '≪': "<<", '≫': ">>",
}

// altRunes maps Unicode alternatives to one ASCII operator character.
var altRunes = map[rune]rune{
	'−': '-', // U+2212 MINUS SIGN
	'×': '*',
	'⋅': '*', // U+22C5 DOT OPERATOR
	'÷': '/',
	'،': ',', // U+060C ARABIC COMMA
	'؛': ';', // U+061B ARABIC SEMICOLON
}

// asciiOpRune returns the ASCII operator character r stands for, or 0.
func asciiOpRune(r rune) rune {
	if r < 0x80 {
		if isOpChar(r) {
			return r
		}
		return 0
	}
	if a, ok := altRunes[r]; ok {
		return a
	}
	// Full-width forms U+FF01..U+FF5E mirror ASCII 0x21..0x7E.
	if r >= 0xFF01 && r <= 0xFF5E {
		if a := r - 0xFEE0; isOpChar(a) {
			return a
		}
	}
	return 0
}

// isOpChar reports whether the ASCII rune r can appear in an operator.
func isOpChar(r rune) bool {
	switch r {
	case '+', '-', '*', '/', '%', '=', '!', '<', '>', '(', ')', '[', ']', '{', '}',
		',', ':', ';', '.', '&', '|', '^', '~', '@':
		return true
	}
	return false
}

// matchOp finds the longest operator at the start of rs. It returns the
// operator's kind, its ASCII spelling and how many runes it used; n is 0 when
// no operator starts there.
func matchOp(rs []rune) (k Kind, ascii string, n int) {
	if len(rs) == 0 {
		return ILLEGAL, "", 0
	}
	if s, ok := wholeOps[rs[0]]; ok {
		// "≪=" is "<<=", as "<<=" is.
		if len(rs) > 1 && asciiOpRune(rs[1]) == '=' {
			if k, ok := opKinds[s+"="]; ok {
				return k, s + "=", 2
			}
		}
		return opKinds[s], s, 1
	}
	var buf [3]rune
	m := 0
	for m < len(buf) && m < len(rs) {
		a := asciiOpRune(rs[m])
		if a == 0 {
			break
		}
		buf[m] = a
		m++
	}
	for ; m > 0; m-- {
		s := string(buf[:m])
		if k, ok := opKinds[s]; ok {
			return k, s, m
		}
	}
	return ILLEGAL, "", 0
}
