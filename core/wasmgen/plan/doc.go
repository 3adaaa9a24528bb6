// Package plan holds the optimization passes of core/wasmgen: their
// registry (each pass has a name and can be switched off) and the
// analyses whose answers the lowering reads, with their proofs.
//
// The analyses depend only on the tree, the checker's Info and the facts
// they compute themselves: core/wasmgen lowers a function after asking
// them, and never tells them what it has emitted.
package plan
