# Busca em listas de inteiros: binária (numa lista em ordem crescente, o
# menor índice entre iguais, como SearchOperations.binary_search) e linear
# (o primeiro índice igual); -1 quando o alvo não está na lista.

defina busca_binaria(lista_ordenada: lista[inteiro], alvo: inteiro) -> inteiro:
    baixo = 0
    alto = comprimento(lista_ordenada)
    enquanto baixo < alto:
        meio = (baixo + alto) // 2
        se lista_ordenada[meio] < alvo:
            baixo = meio + 1
        senão:
            alto = meio
    se baixo < comprimento(lista_ordenada) e lista_ordenada[baixo] == alvo:
        retorne baixo
    retorne -1

defina busca_linear(itens: lista[inteiro], alvo: inteiro) -> inteiro:
    para i em intervalo(comprimento(itens)):
        se itens[i] == alvo:
            retorne i
    retorne -1

defina busca_em_pares(n: inteiro, alvo: inteiro) -> inteiro:
    # Benchmark: busca binária de alvo em [0, 2, 4, ..., 2n - 2].
    pares = []
    para i em intervalo(n):
        pares.append(2 * i)
    retorne busca_binaria(pares, alvo)

defina contem_texto(frase: texto, padrao: texto) -> booleano:
    # Como SearchOperations.contains_substring: o padrão aparece na frase?
    retorne padrao em frase

defina maior_sequencia(frase: texto, permitidos: texto) -> inteiro:
    # Como StringOperations.longest_substring: a maior sequência seguida de
    # caracteres da frase que estão todos em permitidos.
    melhor = 0
    atual = 0
    para c em frase:
        se c em permitidos:
            atual += 1
            se atual > melhor:
                melhor = atual
        senão:
            atual = 0
    retorne melhor
