// Command render prints an English program (Python) in another of the 17
// languages, from the language tables:
//
//	go run ./tools/render -lang fr tests/language/classes.py > classes.fr.multi
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/multilingualprogramming/multilingual/internal/langtest"
)

func main() {
	code := flag.String("lang", "fr", "the language to print the program in")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: render -lang CODE FILE.py")
		os.Exit(2)
	}
	src, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := langtest.Render(flag.Arg(0), string(src), *code)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(out)
}
