package lang

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// GuessKeyword returns the keyword of l that word, a name that starts a
// statement which failed to parse, most likely stands for, spelled as l
// spells it: the parser adds it to the error ("'return' is not a keyword
// in French: did you mean 'retour'?"). It answers for
//
//   - a keyword of another language, English included (`return` or the
//     Portuguese `retornar` in a Spanish program: `devolver`);
//   - a near miss of one of l's keywords, or of another language's: one
//     edit (a letter added, dropped, changed, or two swapped) for words
//     of up to five letters, two for longer ones, letter case and
//     accents aside (`retrun`, `devolve`, `tantque`);
//   - a word that starts with one of l's keywords of four letters or
//     more, at most four letters longer (the French `retourner`).
//
// A word of one letter gets no guess (`e`, `i`, `y` are keywords in some
// languages and common names in all), nor does a builtin or type name of
// l (`afficher x` lacks parentheses, it does not misspell `affirmer`), nor
// a word equally close to two of l's keywords.
func (l *Language) GuessKeyword(word string) (string, bool) {
	if utf8.RuneCountInString(word) < 2 {
		return "", false
	}
	if _, ok := l.keywords[word]; ok {
		return "", false // the word is a keyword of l: not a guess's business
	}
	if _, ok := l.builtins[word]; ok {
		return "", false // `afficher x`: a builtin called without parentheses
	}
	if _, ok := l.types[word]; ok {
		return "", false
	}
	guessOnce.Do(indexSpellings)
	fold := foldWord(word)
	// A keyword of another language, by the meaning most languages give
	// that spelling.
	votes := map[Keyword]int{}
	for _, code := range codes {
		if o := byCode[code]; o != l {
			if k, ok := o.folded[fold]; ok {
				votes[k]++
			}
		}
	}
	if k, ok := majority(votes); ok {
		if s := l.KeywordSpelling(k); s != "" {
			return s, true
		}
	}
	// A near miss of l's own keywords first, then of another language's.
	wr := []rune(fold)
	var scratch [3][]int
	if k, ok := nearest(wr, l.runes, &scratch); ok {
		return l.KeywordSpelling(k), true
	}
	votes = map[Keyword]int{}
	for _, code := range codes {
		if o := byCode[code]; o != l {
			if k, ok := nearest(wr, o.runes, &scratch); ok {
				votes[k]++
			}
		}
	}
	if k, ok := majority(votes); ok {
		if s := l.KeywordSpelling(k); s != "" {
			return s, true
		}
	}
	return "", false
}

// majority returns the keyword with the most votes (ties broken by the
// keyword's canonical name, so that the guess does not depend on map
// order), and whether there was a vote.
func majority(votes map[Keyword]int) (Keyword, bool) {
	best, n := Keyword(""), 0
	for k, v := range votes {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best, n > 0
}

// A foldedSpelling is a one-word keyword spelling, folded (foldWord), as
// runes.
type foldedSpelling struct {
	runes []rune
	k     Keyword
}

// guessOnce makes the folded spellings of every language (folded and
// runes of Language), at the first guess: an error's path, not start-up's.
var guessOnce sync.Once

func indexSpellings() {
	for _, l := range byCode {
		l.folded = make(map[string]Keyword, len(l.keywords))
		for spelling, k := range l.keywords {
			if strings.ContainsRune(spelling, ' ') {
				continue
			}
			f := foldWord(spelling)
			if _, dup := l.folded[f]; !dup || spelling == f {
				l.folded[f] = k
			}
			l.runes = append(l.runes, foldedSpelling{[]rune(f), k})
		}
		sort.Slice(l.runes, func(i, j int) bool { return string(l.runes[i].runes) < string(l.runes[j].runes) })
	}
}

// nearest returns the keyword of the spellings that the folded word wr is
// a near miss of (see GuessKeyword), when exactly one keyword is nearest.
// scratch holds editDistance's rows from call to call.
func nearest(wr []rune, spellings []foldedSpelling, scratch *[3][]int) (Keyword, bool) {
	limit := 1
	if len(wr) >= 6 {
		limit = 2
	}
	best, bestDist, tie := Keyword(""), limit+1, false
	for _, s := range spellings {
		sr := s.runes
		d := limit + 1
		if n := len(wr) - len(sr); n >= -limit && n <= limit {
			d = editDistance(wr, sr, limit, scratch)
		}
		if d > limit && len(sr) >= 4 && len(wr) > len(sr) && len(wr)-len(sr) <= 4 &&
			string(wr[:len(sr)]) == string(sr) {
			d = limit // the keyword and an ending: `retourner`
		}
		switch {
		case d < bestDist:
			best, bestDist, tie = s.k, d, false
		case d == bestDist && d <= limit && s.k != best:
			tie = true
		}
	}
	if bestDist > limit || tie {
		return "", false // nothing near, or two keywords as near
	}
	return best, true
}

// editDistance returns the optimal string alignment distance of a and b
// (insertions, deletions, substitutions and swaps of neighbours), or
// limit+1 as soon as it must exceed limit.
func editDistance(a, b []rune, limit int, scratch *[3][]int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	for i := range scratch {
		if cap(scratch[i]) < len(b)+1 {
			scratch[i] = make([]int, len(b)+1)
		}
		scratch[i] = scratch[i][:len(b)+1]
	}
	prev2, prev, cur := scratch[0], scratch[1], scratch[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// foldWord lowercases w and drops the accents of Latin letters (é, ü, ñ,
// ą, ł ...), so that `Retour`, `rückgabe` and `ruckgabe` compare alike.
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if base, ok := latinBase[r]; ok {
			b.WriteRune(base)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinBase maps the accented lower-case Latin letters of the languages'
// keywords to their base letter.
var latinBase = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåąā", 'c': "çćč", 'e': "èéêëęē", 'i': "ìíîïī", 'l': "ł",
		'n': "ñń", 'o': "òóôõöøō", 's': "śš", 'u': "ùúûüū", 'y': "ýÿ", 'z': "źżž",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()
