package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestVersionMatchesPythonPackage(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(Version) {
		t.Fatalf("Version %q is not MAJOR.MINOR.PATCH", Version)
	}
	b, err := os.ReadFile(filepath.Join("..", "python", "multilingualprogramming", "_version.py"))
	if err != nil {
		t.Skip("python package not present:", err)
	}
	m := regexp.MustCompile(`__version__\s*=\s*["']([^"']+)["']`).FindSubmatch(b)
	if m == nil {
		t.Skip("no __version__ in _version.py")
	}
	if string(m[1]) != Version {
		t.Errorf("Version = %q, python package __version__ = %q", Version, m[1])
	}
}
