# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Weighting, reduction and bookkeeping shared by tfgan_ext's losses.

TF-GAN's losses end with the same keywords (`weights` or `real_weights` /
`generated_weights`, then `scope`, `loss_collection`, `reduction`,
`add_summaries`) and do the same with them. Here that is written once: a
loss is a function computing only its unreduced terms, decorated with

* `single_term(summary)`: it returns one tensor of values (per example, or
  per feature), weighted by `weights`;
* `real_and_generated_terms(summary)`: it returns (real term, generated
  term), weighted by `real_weights` and `generated_weights` and reduced
  separately, so real and generated batches may differ in size (but for
  `reduction=NONE`, where the two per-example terms are added elementwise).

The decorator appends the standard keywords to the function's signature
(before any keyword-only parameter), so the public signature is TF-GAN's;
checks and casts the arguments (`_checks.bind_and_check`); opens a name
scope named after the function; weights and reduces each term with
`tf.compat.v1.losses.compute_weighted_loss`; adds the total to
`loss_collection` once; and adds scalar summaries when asked.
"""

import functools
import inspect

import tensorflow as tf

from tfgan_ext.losses import _checks

__all__ = [
    'DEFAULT_REDUCTION',
    'LOSSES',
    'real_and_generated_terms',
    'single_term',
]

LOSSES = tf.compat.v1.GraphKeys.LOSSES
DEFAULT_REDUCTION = tf.compat.v1.losses.Reduction.SUM_BY_NONZERO_WEIGHTS

_SINGLE = ('weights',)
_REAL_AND_GENERATED = ('real_weights', 'generated_weights')
_TRAILING = (('scope', None), ('loss_collection', LOSSES),
             ('reduction', DEFAULT_REDUCTION), ('add_summaries', False))


def _public_signature(compute, weights_names, after):
  """`compute`'s signature with the standard keywords appended.

  The standard keywords go after `compute`'s parameters but before its
  keyword-only ones and those named in `after`.
  """
  params = list(inspect.signature(compute).parameters.values())
  clash = {p.name for p in params} & (
      set(weights_names) | {name for name, _ in _TRAILING})
  if clash:
    raise TypeError('%s must not define %s: the decorator adds them.'
                    % (compute.__name__, sorted(clash)))
  standard = [
      inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                        default=default)
      for name, default in [(w, 1.0) for w in weights_names] + list(_TRAILING)]
  last = [p for p in params if p.kind == p.KEYWORD_ONLY or p.name in after]
  first = [p for p in params if p not in last]
  return inspect.Signature(first + standard + last)


def _decorator(weights_names, weighted, summary, pair_policy, after=()):
  """The decorator behind `single_term` and `real_and_generated_terms`."""

  def decorator(compute):
    signature = _public_signature(compute, weights_names, after)
    computed_from = tuple(inspect.signature(compute).parameters)
    name = compute.__name__

    @functools.wraps(compute)
    def loss(*args, **kwargs):
      bound = _checks.bind_and_check(name, signature, args, kwargs,
                                     pair_policy)
      bound.apply_defaults()
      arguments = bound.arguments
      inputs = {k: arguments[k] for k in computed_from}
      tensors = [v for v in inputs.values() if tf.is_tensor(v)]
      with tf.compat.v1.name_scope(arguments['scope'], name,
                                   tensors) as scope:
        terms = compute(**inputs)
        if len(weights_names) == 1:
          terms = (terms,)
        reduced = []
        for term, weights_name, what in zip(terms, weights_names, weighted):
          weights = _checks.check_weights(
              arguments[weights_name], term.shape, weights_name, what)
          reduced.append(tf.compat.v1.losses.compute_weighted_loss(
              term, weights, scope, loss_collection=None,
              reduction=arguments['reduction']))
        total = sum(reduced[1:], reduced[0])
        tf.compat.v1.losses.add_loss(total, arguments['loss_collection'])
        if arguments['add_summaries']:
          if len(reduced) > 1:
            for label, value in zip(('_on_real', '_on_generated'), reduced):
              tf.compat.v1.summary.scalar(summary + label, value)
          tf.compat.v1.summary.scalar(summary, total)
      return total

    loss.__signature__ = signature
    return loss

  return decorator


def single_term(summary, weighted='the per-example loss',
                pair_policy=_checks.EQUAL, after=()):
  """Decorator for a loss computing one tensor of unreduced values.

  Args:
    summary: Name of the scalar summary.
    weighted: What `weights` weights, for error messages.
    pair_policy: How real and generated inputs' shapes must relate
      (`_checks.bind_and_check`), when the loss takes both.
    after: Names of the function's parameters that come after the standard
      keywords in the public signature (to keep an upstream order).

  Returns:
    A decorator; see the module docstring.
  """
  return _decorator(_SINGLE, (weighted,), summary, pair_policy, after)


def real_and_generated_terms(summary,
                             pair_policy=_checks.SAME_EXCEPT_BATCH):
  """Decorator for a loss computing (real term, generated term).

  Args:
    summary: Name of the total's scalar summary; the terms' are it +
      '_on_real' and '_on_generated'.
    pair_policy: As for `single_term`.

  Returns:
    A decorator; see the module docstring.
  """
  return _decorator(_REAL_AND_GENERATED,
                    ('the real-data term', 'the generated-data term'),
                    summary, pair_policy)
