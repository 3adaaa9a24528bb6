package parser

import (
	"sort"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/source"
)

// A Translation is a program printed in another language by Translate.
type Translation struct {
	From, To string            // language codes
	Text     string            // the program in To, starting with a "# language: To" line
	Renamed  map[string]string // names that would read as To's words, and their new spellings
}

// RenamedNames returns the renamed names (old spellings) in sorted order.
func (t *Translation) RenamedNames() []string {
	names := make([]string, 0, len(t.Renamed))
	for n := range t.Renamed {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Translate parses src, a program written in language from (detected from
// its keywords, or its "# language:" header, when from is nil), and prints
// it in language to with Print: keywords, builtins and type names in to's
// spelling, the program's own names unchanged unless they would read as
// one of to's words. The text starts with a "# language: xx" line, so that
// it reads back in to whatever its words. Comments are not part of the
// tree and are not printed. Source problems come back as the parser's
// error list, with positions in src.
func Translate(filename, src string, from, to *lang.Language) (*Translation, source.ErrorList) {
	if from == nil {
		from, _ = lang.Get(lang.Detect(src).Code)
	}
	if to == nil {
		to, _ = lang.Get("en")
	}
	f, errs := ParseFile(filename, src, from)
	if len(errs) > 0 {
		return nil, errs
	}
	text, renamed := printFile(f, to)
	return &Translation{
		From:    from.Code,
		To:      to.Code,
		Text:    "# language: " + to.Code + "\n" + text,
		Renamed: renamed,
	}, nil
}
