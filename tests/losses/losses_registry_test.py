# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The registry's tables, the two namespaces, and the reduction helper.

The registry lists argument-style functions; `get` returns their
GANModel-style forms from `tuple_losses`. These tests check that the tables,
`wargs` and `tuple_losses` agree with each other, and that `_reduction`
weights and reduces as TF-GAN's losses do.
"""

import inspect

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import _reduction
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import lazy_regularization
from tfgan_ext.losses import registry
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import upstream_losses
from tfgan_ext.losses import wargs


@pytest.mark.parametrize('name', registry.names(include_aliases=True))
def test_each_pair_is_a_wargs_pair_and_its_tuple_forms(name):
  args_pair = registry.argument_style(name)
  pair = registry.get(name)
  for side in ('generator', 'discriminator'):
    fn = getattr(args_pair, side + '_loss_fn')
    assert getattr(wargs, fn.__name__) is fn
    assert fn.__name__.endswith(side + '_loss')
    form = getattr(pair, side + '_loss_fn')
    assert form is getattr(tuple_losses, fn.__name__)
    assert form.args_loss_fn is fn


@pytest.mark.parametrize('name', registry.penalty_names(include_aliases=True))
def test_each_penalty_is_a_wargs_penalty_and_its_tuple_form(name):
  fn = registry.argument_style_penalty(name)
  assert getattr(wargs, fn.__name__) is fn
  assert registry.get_penalty(name).args_loss_fn is fn


def test_aliases_name_canonical_entries_only():
  for aliases, canonical in ((registry.aliases(), registry.names()),
                             (registry.penalty_aliases(),
                              registry.penalty_names())):
    assert set(aliases.values()) <= set(canonical)
    assert not set(aliases) & set(canonical)
  assert registry.get('rpgan') is registry.get('relativistic_pairing')


def test_unknown_names_list_the_valid_ones():
  with pytest.raises(ValueError, match="Unknown loss 'hnge'.*hinge.*rpgan"):
    registry.argument_style('hnge')
  with pytest.raises(ValueError, match="Unknown penalty 'r3'.*wgan_gp.*none"):
    registry.argument_style_penalty('r3')
  assert registry.argument_style_penalty('none') is None
  assert registry.argument_style_penalty(None) is None


def test_every_wargs_function_reading_tuple_fields_has_its_tuple_form():
  for name in wargs.__all__:
    fn = getattr(wargs, name)
    # Tuple fields, or a conditional loss's tensors (read from the model's
    # discriminator outputs and generator inputs).
    reads = set(inspect.signature(fn).parameters) & (
        tuple_losses.TUPLE_FIELDS |
        set(discriminator_outputs.CONDITIONAL_ARGUMENTS))
    form = getattr(tuple_losses, name, None)
    if name == 'top_k_mask':  # Not a loss: the weights top-k uses.
      assert form is None
    elif name in ('feature_matching_loss', 'combine_adversarial_loss',
                  'cycle_consistency_loss'):
      # Their GANModel-style forms take other arguments.
      assert form is not None and not hasattr(form, 'args_loss_fn'), name
    elif reads:
      assert form.args_loss_fn is fn, name
    else:
      assert form is None, name


def test_upstream_names_are_all_in_wargs():
  # Every name of upstream's wargs is ours (checked, or replaced).
  assert set(tfgan.losses.wargs.__all__) <= set(wargs.__all__)
  assert set(tfgan.losses.__all__) <= set(tfgan_ext_losses.__all__)


def test_own_functions_cite_their_paper():
  for name in wargs.__all__:
    fn = getattr(wargs, name)
    if fn.__module__.startswith('tfgan_ext.') and (
        fn.__module__ != upstream_losses.__name__):
      doc = fn.__doc__
      assert 'arxiv.org/abs/' in doc, name
      assert 'Args:' in doc and 'Returns:' in doc, name


def test_upstream_equivalents_name_real_functions():
  for ours, theirs in registry.UPSTREAM_EQUIVALENTS.items():
    assert getattr(wargs, ours).__module__.startswith('tfgan_ext.')
    assert callable(getattr(tfgan.losses.wargs, theirs))


def test_replica_local_penalties_are_registered():
  registered = {registry.argument_style_penalty(n)
                for n in registry.penalty_names()}
  assert lazy_regularization.REPLICA_LOCAL_PENALTIES < registered
  assert wargs.dragan_penalty not in (
      lazy_regularization.REPLICA_LOCAL_PENALTIES)


def test_wasserstein_gradient_penalty_keeps_upstream_positional_order():
  # tfgan_ext adds `seed` after upstream's last parameter.
  ours = list(inspect.signature(wargs.wasserstein_gradient_penalty).parameters)
  theirs = list(inspect.signature(
      tfgan.losses.wargs.wasserstein_gradient_penalty).parameters)
  assert ours == theirs + ['seed']


# ------------------------------------------------------------- _reduction ---


def test_real_and_generated_terms_are_reduced_separately():
  real = tf.constant([[1.0], [2.0], [3.0]])
  gen = tf.constant([[10.0]])  # Batch sizes may differ.
  got = _reduction.reduce_real_and_generated(
      real, np.array([[1.0], [0.0], [1.0]]), 2.0 * gen, 1.0, None, None,
      tf.compat.v1.losses.Reduction.SUM_BY_NONZERO_WEIGHTS, False, 's')
  # (1 + 3) / 2 nonzero weights + 2 * 10 / 1.
  np.testing.assert_allclose(got.numpy(), 22.0)
  with pytest.raises(ValueError,
                     match=r'generated_weights.*\(2, 1\).*discriminator_gen'):
    _reduction.reduce_real_and_generated(
        real, 1.0, gen, np.ones((2, 1), np.float32), None, None,
        tf.compat.v1.losses.Reduction.MEAN, False, 's')


def test_reduce_loss_names_what_the_weights_weight():
  with pytest.raises(ValueError, match=r'weights.*\(3,\).*per-feature.*\(2,\)'):
    _reduction.reduce_loss(tf.ones([2]), np.ones(3), None, None,
                           tf.compat.v1.losses.Reduction.MEAN, False, 's',
                           'the per-feature loss')


def test_reduce_loss_adds_to_the_collection_once_and_summarizes():
  with tf.Graph().as_default():
    loss = _reduction.reduce_loss(
        tf.constant([1.0, 3.0]), 1.0, None, 'mine',
        tf.compat.v1.losses.Reduction.MEAN, True, 'my_summary', 'x')
    assert tf.compat.v1.get_collection('mine') == [loss]
    summaries = tf.compat.v1.get_collection(
        tf.compat.v1.GraphKeys.SUMMARIES)
    assert [s.name for s in summaries] == ['my_summary:0']
