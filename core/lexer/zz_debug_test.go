package lexer

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	src := os.Getenv("SRC")
	if src == "" {
		t.Skip()
	}
	toks, errs := Scan("d.ml", src, nil)
	for _, tk := range toks {
		fmt.Printf("%v %q %v-%v\n", tk, tk.Text, tk.Span.Start, tk.Span.End)
	}
	for _, e := range errs {
		fmt.Println("ERR", e)
	}
}
