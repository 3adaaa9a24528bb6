package lang

import (
	"strings"
	"unicode"
)

// A Detection is the outcome of Detect.
type Detection struct {
	Code   string  // the language chosen
	Score  float64 // weight of the evidence for it
	Runner string  // the next best language, "" when none scored
	Header bool    // true when a "# language: xx" comment chose it
}

// HeaderLanguage returns the code named by a "# language: xx" (or
// "# langue: xx", "# lang: xx") comment among the first lines of src.
func HeaderLanguage(src string) (string, bool) {
	for i, line := range strings.SplitN(src, "\n", 6) {
		if i >= 5 {
			break
		}
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "#") {
			if t == "" {
				continue
			}
			break
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "#"))
		key, val, ok := strings.Cut(t, ":")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "language", "lang", "langue", "idioma", "sprache", "lingua", "língua", "taal", "språk", "sprog", "kieli", "język":
			code := strings.ToLower(strings.TrimSpace(val))
			if _, ok := byCode[code]; ok {
				return code, true
			}
		}
	}
	return "", false
}

// Detect guesses the language of src from its keywords. A header comment
// ("# language: de") wins; otherwise each word that is a keyword, type name
// or localized builtin of a language adds evidence for it, weighted by how
// few languages share that spelling. Ties go to English, then to the
// alphabetically first code, so the answer is deterministic.
func Detect(src string) Detection {
	if code, ok := HeaderLanguage(src); ok {
		return Detection{Code: code, Header: true}
	}
	words := splitWords(src)
	score := make(map[string]float64)
	for i, w := range words {
		owners := ownersOf(w)
		for _, code := range owners {
			score[code] += 1 / float64(len(owners))
		}
		// Multi-word keywords ("sinon si") are strong evidence.
		for _, code := range codes {
			for _, p := range byCode[code].phrases {
				if matchPhrase(words[i:], p.Words) {
					score[code] += 2
				}
			}
		}
	}
	best, runner := "", ""
	for _, code := range codes {
		s := score[code]
		if s <= 0 {
			continue
		}
		switch {
		case best == "" || s > score[best] || (s == score[best] && code == "en"):
			runner, best = best, code
		case runner == "" || s > score[runner]:
			runner = code
		}
	}
	if best == "" {
		best = "en"
	}
	return Detection{Code: best, Score: score[best], Runner: runner}
}

func matchPhrase(words, phrase []string) bool {
	if len(words) < len(phrase) {
		return false
	}
	for i, w := range phrase {
		if words[i] != w {
			return false
		}
	}
	return true
}

// ownersOf returns the languages in which w is a keyword, a localized type
// name or a localized builtin (English builtin names shared by every
// language count for English only).
func ownersOf(w string) []string {
	var out []string
	for _, code := range codes {
		l := byCode[code]
		if _, ok := l.keywords[w]; ok {
			out = append(out, code)
			continue
		}
		if c, ok := l.types[w]; ok && (c != w || code == "en") {
			out = append(out, code)
			continue
		}
		if c, ok := l.builtins[w]; ok && (c != w || code == "en") {
			out = append(out, code)
		}
	}
	return out
}

// splitWords returns the words of src outside comments and string literals.
func splitWords(src string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	var quote rune
	comment := false
	for _, r := range src {
		switch {
		case comment:
			if r == '\n' {
				comment = false
			}
			continue
		case quote != 0:
			if r == quote || r == '\n' {
				quote = 0
			}
			continue
		case r == '#':
			flush()
			comment = true
		case r == '"' || r == '\'':
			flush()
			quote = r
		case IsWordRune(r) && !(cur.Len() == 0 && unicode.IsDigit(r)):
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return words
}
