déf f(x):
    si x ≤ 10:
        retour f"{x si x sinon 0!r} « {«texte»} »"
    sinon si x pas dans b'ab':
        retour «a {b}» + f'{x × 2:>{largeur}}' + 2j
    retour ...
