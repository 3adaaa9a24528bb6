package langtest

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// Render parses src, an English program (Python), and prints it in the
// language code. It fails when the English program does not parse.
func Render(filename, src, code string) (string, error) {
	en, _ := lang.Get("en")
	l, ok := lang.Get(code)
	if !ok {
		return "", fmt.Errorf("unknown language %q", code)
	}
	f, errs := parser.ParseFile(filename, src, en)
	if err := errs.Err(); err != nil {
		return "", err
	}
	return parser.Print(f, l), nil
}
