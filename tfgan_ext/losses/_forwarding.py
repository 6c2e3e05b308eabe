# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Forwarding `tfgan.gan_loss`'s optional keywords to wrapped loss functions."""

import inspect

__all__ = ['GAN_LOSS_OPTIONS', 'forwardable']

# What `tfgan.gan_loss` passes to a loss function that accepts it.
GAN_LOSS_OPTIONS = ('reduction', 'add_summaries')


def forwardable(fn, kwargs):
  """Returns `kwargs` minus the gan_loss options `fn` cannot take.

  Only `reduction` and `add_summaries` are dropped (as `tfgan.gan_loss`
  does); any other keyword reaches `fn`, so a misspelling still fails loudly.

  Args:
    fn: The wrapped loss function.
    kwargs: Keyword arguments meant for it.

  Returns:
    A new dict.
  """
  try:
    params = inspect.signature(fn).parameters
  except (TypeError, ValueError):  # No signature: pass everything.
    return dict(kwargs)
  if any(p.kind == p.VAR_KEYWORD for p in params.values()):
    return dict(kwargs)
  return {k: v for k, v in kwargs.items()
          if k in params or k not in GAN_LOSS_OPTIONS}
