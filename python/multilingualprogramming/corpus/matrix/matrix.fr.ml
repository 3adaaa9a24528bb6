# Matrices denses en flottants : produit, transposée et déterminant, sur des
# listes de lignes et sur des tampons plats (n x n, ligne par ligne).
# Les résultats sont identiques bit à bit à ceux de
# runtime.python_fallbacks.MatrixOperations : mêmes opérations, même ordre.
# Une forme invalide (lignes de longueurs différentes, tailles incompatibles)
# échoue sur une assertion (AssertionError).

déf multiplier(a: liste[liste[flottant]], b: liste[liste[flottant]]) -> liste[liste[flottant]]:
    resultat = []
    interne = longueur(b)
    colonnes = 0
    si interne > 0:
        colonnes = longueur(b[0])
    pour ligne_b dans b:
        affirmer longueur(ligne_b) == colonnes, "b a des lignes de longueurs différentes"
    pour ligne dans a:
        affirmer longueur(ligne) == interne, "tailles incompatibles pour le produit"
        # Ordre i-k-j : chaque élément reçoit ses produits dans l'ordre
        # k = 0, 1, ... comme dans MatrixOperations (mêmes bits), mais la
        # boucle intérieure parcourt une ligne de b, ce qui ménage le cache.
        nouvelle = [0.0] * colonnes
        pour k dans intervalle(interne):
            facteur = ligne[k]
            ligne_b = b[k]
            pour j dans intervalle(colonnes):
                nouvelle[j] += facteur * ligne_b[j]
        resultat.append(nouvelle)
    retour resultat

déf transposer(m: liste[liste[flottant]]) -> liste[liste[flottant]]:
    resultat = []
    si longueur(m) == 0:
        retour resultat
    colonnes = longueur(m[0])
    pour ligne dans m:
        affirmer longueur(ligne) == colonnes, "m a des lignes de longueurs différentes"
    pour j dans intervalle(colonnes):
        colonne = []
        pour ligne dans m:
            colonne.append(ligne[j])
        resultat.append(colonne)
    retour resultat

déf determinant(m: liste[liste[flottant]]) -> flottant:
    # Élimination de Gauss avec pivot partiel, sur une copie de m.
    n = longueur(m)
    a = []
    pour ligne dans m:
        affirmer longueur(ligne) == n, "le déterminant demande une matrice carrée"
        copie = []
        pour x dans ligne:
            copie.append(flottant(x))
        a.append(copie)
    det = 1.0
    pour c dans intervalle(n):
        pivot = c
        meilleur = valeurabsolue(a[c][c])
        pour r dans intervalle(c + 1, n):
            candidat = valeurabsolue(a[r][c])
            si candidat > meilleur:
                pivot = r
                meilleur = candidat
        si a[pivot][c] == 0.0:
            retour 0.0
        si pivot != c:
            echange = a[c]
            a[c] = a[pivot]
            a[pivot] = echange
            det = -det
        det *= a[c][c]
        pour r dans intervalle(c + 1, n):
            facteur = a[r][c] / a[c][c]
            si facteur != 0.0:
                pour k dans intervalle(c, n):
                    a[r][k] -= facteur * a[c][k]
    retour det

déf multiplier_plat(a: liste[flottant], b: liste[flottant], n: entier) -> liste[flottant]:
    affirmer n >= 0 et longueur(a) == n * n et longueur(b) == n * n, "a et b doivent avoir n * n éléments"
    resultat = [0.0] * (n * n)
    pour i dans intervalle(n):
        pour j dans intervalle(n):
            total = 0.0
            pour k dans intervalle(n):
                total += a[i * n + k] * b[k * n + j]
            resultat[i * n + j] = total
    retour resultat

déf transposer_plat(a: liste[flottant], lignes: entier, colonnes: entier) -> liste[flottant]:
    affirmer lignes >= 0 et colonnes >= 0 et longueur(a) == lignes * colonnes, "a doit avoir lignes * colonnes éléments"
    resultat = [0.0] * (lignes * colonnes)
    pour i dans intervalle(lignes):
        pour j dans intervalle(colonnes):
            resultat[j * lignes + i] = a[i * colonnes + j]
    retour resultat

déf determinant_plat(a: liste[flottant], n: entier) -> flottant:
    affirmer n >= 0 et longueur(a) == n * n, "a doit avoir n * n éléments"
    lignes = []
    pour i dans intervalle(n):
        ligne = []
        pour j dans intervalle(n):
            ligne.append(a[i * n + j])
        lignes.append(ligne)
    retour determinant(lignes)

déf somme_produit(n: entier) -> flottant:
    # Banc d'essai : produit de deux matrices n x n fixes, somme des éléments.
    a = []
    b = []
    pour i dans intervalle(n):
        ligne_a = []
        ligne_b = []
        pour j dans intervalle(n):
            ligne_a.append(flottant((i * n + j) % 7) - 3.0)
            ligne_b.append(flottant((i + 2 * j) % 5) * 0.5)
        a.append(ligne_a)
        b.append(ligne_b)
    produit = multiplier(a, b)
    total = 0.0
    pour ligne dans produit:
        pour x dans ligne:
            total += x
    retour total

déf determinant_motif(n: entier) -> flottant:
    # Banc d'essai : déterminant d'une matrice n x n fixe (tampon plat).
    a = []
    pour i dans intervalle(n):
        pour j dans intervalle(n):
            valeur = flottant((i * i + 3 * j) % 11) - 5.0
            si i == j:
                valeur += 20.0
            a.append(valeur)
    retour determinant_plat(a, n)
