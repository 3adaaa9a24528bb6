package check

import "hash/fnv"

// A set is the set of locals certainly assigned at a program point: an
// immutable treap (nil is the empty set), so that a branch "copies" it
// for free and adding a name costs O(log n). Copying a map at every
// branch and assignment made a long function quadratic in its number of
// locals (1 s for a 64 KB function with 2,000 of them).
//
// Node priorities are a hash of the name, ties broken by the name, so a
// set has one shape whatever the order it was built in, and sets built
// from a common one share the subtrees neither changed: meet walks only
// where they differ.
type set = *setNode

type setNode struct {
	key         string
	prio        uint32
	left, right *setNode
}

// has reports whether name is in s.
func (s *setNode) has(name string) bool {
	for s != nil {
		switch {
		case name == s.key:
			return true
		case name < s.key:
			s = s.left
		default:
			s = s.right
		}
	}
	return false
}

// clone returns s: sets are never modified, so a branch may share them.
func (s *setNode) clone() set { return s }

// with returns s with name added.
func (s *setNode) with(name string) set {
	if s.has(name) {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return insertNode(s, &setNode{key: name, prio: h.Sum32()})
}

// above reports whether node a goes above node b in the treap.
func above(a, b *setNode) bool {
	return a.prio > b.prio || (a.prio == b.prio && a.key < b.key)
}

// insertNode returns s with the new leaf n (whose key s lacks) added.
func insertNode(s, n *setNode) *setNode {
	if s == nil {
		return n
	}
	if above(n, s) {
		l, _, r := splitSet(s, n.key)
		return &setNode{key: n.key, prio: n.prio, left: l, right: r}
	}
	if n.key < s.key {
		return &setNode{key: s.key, prio: s.prio, left: insertNode(s.left, n), right: s.right}
	}
	return &setNode{key: s.key, prio: s.prio, left: s.left, right: insertNode(s.right, n)}
}

// splitSet returns the names of s below key, whether key is in s, and the
// names above key.
func splitSet(s *setNode, key string) (*setNode, bool, *setNode) {
	switch {
	case s == nil:
		return nil, false, nil
	case key == s.key:
		return s.left, true, s.right
	case s.key < key:
		l, found, r := splitSet(s.right, key)
		return &setNode{key: s.key, prio: s.prio, left: s.left, right: l}, found, r
	}
	l, found, r := splitSet(s.left, key)
	return l, found, &setNode{key: s.key, prio: s.prio, left: r, right: s.right}
}

// joinSets returns the union of l and r, every name of l being below
// every name of r.
func joinSets(l, r *setNode) *setNode {
	switch {
	case l == nil:
		return r
	case r == nil:
		return l
	case above(l, r):
		return &setNode{key: l.key, prio: l.prio, left: l.left, right: joinSets(l.right, r)}
	}
	return &setNode{key: r.key, prio: r.prio, left: joinSets(l, r.left), right: r.right}
}

// meet returns the names assigned in both a and b.
func meet(a, b set) set {
	switch {
	case a == b:
		return a
	case a == nil || b == nil:
		return nil
	}
	if above(b, a) {
		a, b = b, a
	}
	bl, found, br := splitSet(b, a.key)
	l, r := meet(a.left, bl), meet(a.right, br)
	if !found {
		return joinSets(l, r)
	}
	if l == a.left && r == a.right {
		return a
	}
	return &setNode{key: a.key, prio: a.prio, left: l, right: r}
}
