package wasmgen_test

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
	"github.com/multilingualprogramming/multilingual/internal/difftest"
)

// The module hashes guard a refactoring of the generator: record them
// before (-modhashes=FILE -modhashes.record), compare after
// (-modhashes=FILE). Without the flag the test is skipped, since the
// recorded list belongs to one change and not to the repository.
var (
	modHashes       = flag.String("modhashes", "", "file of module hashes to compare with (or to write, with -modhashes.record)")
	modHashesRecord = flag.Bool("modhashes.record", false, "write the hashes to -modhashes instead of comparing")
)

// hashVariants are the compilations hashed for every program: without
// optimization, with all passes, and with all passes but one.
func hashVariants() map[string]compiler.Options {
	v := map[string]compiler.Options{"base": {}, "opt": {Optimize: true}}
	for _, name := range wasmgen.PassNames() {
		v["opt-no-"+name] = compiler.Options{Optimize: true, Disable: []string{name}}
	}
	return v
}

// programFiles lists the .ml and .multi files that git tracks.
func programFiles(t *testing.T, root string) []string {
	out, err := exec.Command("git", "-C", root, "ls-files", "*.ml", "*.multi").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	files := strings.Fields(string(out))
	sort.Strings(files)
	return files
}

// languageOf is the code in a name like prog.fr.ml, or "" to detect it.
func languageOf(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if ext := filepath.Ext(base); ext != "" {
		if _, ok := lang.Get(ext[1:]); ok {
			return ext[1:]
		}
	}
	if _, ok := lang.Get(base); ok {
		return base
	}
	return ""
}

func TestModuleHashes(t *testing.T) {
	if *modHashes == "" {
		t.Skip("no -modhashes file given")
	}
	root := filepath.Join("..", "..")
	type program struct{ name, lang, src string }
	var progs []program
	for _, f := range programFiles(t, root) {
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, program{f, languageOf(f), string(src)})
	}
	// and the random programs of the differential tests, in English
	en, _ := lang.Get("en")
	g := difftest.NewGenerator(1)
	for i := range 300 {
		progs = append(progs, program{fmt.Sprintf("difftest/%03d", i), "en", parser.Print(g.Program().File, en)})
	}
	got := map[string]string{}
	var keys []string
	for _, p := range progs {
		f, src := p.name, p.src
		for name, opt := range hashVariants() {
			opt.Filename = f
			opt.Language = p.lang
			opt.WAT = true
			key := f + " " + name
			a, err := compiler.Compile(src, opt)
			if err != nil {
				got[key] = fmt.Sprintf("error %x", sha256.Sum256([]byte(err.Error())))
			} else {
				got[key] = fmt.Sprintf("%x %x", sha256.Sum256(a.Wasm), sha256.Sum256([]byte(a.WAT)))
			}
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	if *modHashesRecord {
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "%s\t%s\n", k, got[k])
		}
		if err := os.WriteFile(*modHashes, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("recorded %d hashes in %s", len(keys), *modHashes)
		return
	}
	fh, err := os.Open(*modHashes)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "\t")
		want[k] = v
	}
	for _, k := range keys {
		if w, ok := want[k]; !ok {
			t.Errorf("%s: not in the recorded list", k)
		} else if w != got[k] {
			t.Errorf("%s: module differs (recorded %s, now %s)", k, w, got[k])
		}
	}
	if len(want) != len(keys) {
		t.Errorf("%d hashes recorded, %d computed", len(want), len(keys))
	}
	t.Logf("compared %d hashes", len(keys))
}
