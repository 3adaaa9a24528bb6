package lexer

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

var (
	runeNamesOnce sync.Once
	runeByName    map[string]rune
)

// lookupRuneName returns the code point whose Unicode name is name, in any
// case, for a \N{...} escape. The table of names is built the first time a
// program uses such an escape. The CJK unified ideographs, whose names are
// made from their code point, are read from the name.
func lookupRuneName(name string) (rune, bool) {
	upper := strings.Join(strings.Fields(strings.ToUpper(name)), " ")
	if hex, ok := strings.CutPrefix(upper, "CJK UNIFIED IDEOGRAPH-"); ok {
		v, err := strconv.ParseUint(hex, 16, 32)
		if err == nil && (len(hex) == 4 || len(hex) == 5) && v <= utf8.MaxRune {
			return rune(v), true
		}
		return 0, false
	}
	runeNamesOnce.Do(func() {
		runeByName = make(map[string]rune, 40000)
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			n := runenames.Name(r)
			if n == "" || n[0] == '<' {
				continue
			}
			if _, dup := runeByName[n]; !dup {
				runeByName[n] = r
			}
		}
	})
	r, ok := runeByName[upper]
	return r, ok
}
