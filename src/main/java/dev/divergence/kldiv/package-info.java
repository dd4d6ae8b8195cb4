/** POST /v1/divergences/kl-div: PyTorch's {@code torch.nn.functional.kl_div} on tensors of any shape, with its reductions. */
package dev.divergence.kldiv;
