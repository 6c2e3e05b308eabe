# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The catalog (one declaration per loss) and the shared weighting decorator.

Everything that lists losses is derived from `_catalog`; these tests check
the derivations agree with it, that the catalog rejects inconsistent
declarations, and that `_weighted` builds TF-GAN's public signatures.
"""

import collections
import inspect

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import _catalog
from tfgan_ext.losses import _weighted
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import upstream_losses
from tfgan_ext.losses import wargs


@pytest.fixture
def empty_catalog(monkeypatch):
  """The catalog's tables, emptied for the test (restored afterwards)."""
  for table in ('_ENTRIES', '_TUPLE_ONLY'):
    monkeypatch.setattr(_catalog, table, collections.OrderedDict())
  for table in ('_PAIR_ALIASES', '_PENALTY_ALIASES'):
    monkeypatch.setattr(_catalog, table, {})


def _fn(name):
  def fn(discriminator_gen_outputs):
    return discriminator_gen_outputs
  fn.__name__ = name
  return fn


# -------------------------------------------------------------- derived ---


def test_wargs_is_exactly_the_declared_functions():
  declared = _catalog.argument_style()
  assert wargs.__all__ == list(declared)
  for name, fn in declared.items():
    assert getattr(wargs, name) is fn
    assert fn.__name__ == name


def test_tuple_losses_derive_from_the_catalog():
  for entry in _catalog.entries():
    form = getattr(tuple_losses, entry.name, None)
    if entry.tuple_form is None:
      assert form is None, entry.name
    elif entry.tuple_form != _catalog.DERIVE:
      assert form is entry.tuple_form, entry.name
    elif form is not None:
      assert form.args_loss_fn is entry.fn, entry.name
  for name, fn in _catalog.tuple_only().items():
    assert getattr(tuple_losses, name) is fn


def test_registry_derives_from_the_catalog():
  pairs = _catalog.pairs()
  assert tfgan_ext_losses.names() == tuple(pairs)
  for name, sides in pairs.items():
    pair = tfgan_ext_losses.get(name)
    assert pair.generator_loss_fn.args_loss_fn is sides['generator'].fn
    assert pair.discriminator_loss_fn.args_loss_fn is (
        sides['discriminator'].fn)
  for alias, name in _catalog.pair_aliases().items():
    assert tfgan_ext_losses.get(alias) is tfgan_ext_losses.get(name)
  penalties = _catalog.penalties()
  assert tfgan_ext_losses.penalty_names() == tuple(penalties)
  for name, entry in penalties.items():
    assert tfgan_ext_losses.get_penalty(name).args_loss_fn is entry.fn


def test_upstream_names_are_all_declared():
  # Every name of upstream's wargs is ours (checked, or replaced).
  assert set(tfgan.losses.wargs.__all__) <= set(_catalog.argument_style())


def test_own_functions_cite_their_paper():
  for entry in _catalog.entries():
    module = entry.fn.__module__
    if module.startswith('tfgan_ext.') and module != upstream_losses.__name__:
      doc = entry.fn.__doc__
      assert 'arxiv.org/abs/' in doc, entry.name
      assert 'Args:' in doc and 'Returns:' in doc, entry.name


# ----------------------------------------------------- declaration checks ---


def test_a_pair_needs_both_sides(empty_catalog):
  del empty_catalog
  _catalog.declare(_catalog.GENERATOR, 'lonely')(_fn('lonely_generator_loss'))
  with pytest.raises(ValueError, match="'lonely'.*without its discriminator"):
    _catalog.pairs()


def test_declaring_twice_or_clashing_aliases_raises(empty_catalog):
  del empty_catalog
  _catalog.declare(_catalog.GENERATOR, 'a', aliases=('x',))(_fn('a_g'))
  with pytest.raises(ValueError, match='declared twice'):
    _catalog.declare(_catalog.GENERATOR, 'a')(_fn('a_g'))
  with pytest.raises(ValueError, match="'x' already names 'a'"):
    _catalog.declare(_catalog.GENERATOR, 'b', aliases=('x',))(_fn('b_g'))
  with pytest.raises(ValueError, match='group name'):
    _catalog.declare(_catalog.GENERATOR)(_fn('c_g'))
  with pytest.raises(ValueError, match='Unknown role'):
    _catalog.declare('critic', 'd')(_fn('d_g'))


def test_unregistered_pairs_are_listed_only_on_request(empty_catalog):
  del empty_catalog
  for role in (_catalog.GENERATOR, _catalog.DISCRIMINATOR):
    _catalog.declare(role, 'hidden', registered=False)(_fn('hidden_' + role))
  assert not _catalog.pairs()
  assert list(_catalog.pairs(registered=False)) == ['hidden']


# ------------------------------------------------------------- _weighted ---


def test_weighted_appends_tf_gan_keywords_before_keyword_only():
  @_weighted.single_term('s')
  def loss(discriminator_gen_outputs, margin=1.0, *, extra=None):
    del extra
    return margin + discriminator_gen_outputs

  assert str(inspect.signature(loss)) == (
      "(discriminator_gen_outputs, margin=1.0, weights=1.0, scope=None, "
      "loss_collection='losses', reduction='weighted_sum_by_nonzero_weights',"
      " add_summaries=False, *, extra=None)")


def test_weighted_keeps_upstream_positional_order_of_wgan_gp():
  # tfgan_ext adds `seed` after upstream's last parameter.
  ours = list(inspect.signature(wargs.wasserstein_gradient_penalty).parameters)
  theirs = list(inspect.signature(
      tfgan.losses.wargs.wasserstein_gradient_penalty).parameters)
  assert ours == theirs + ['seed']


def test_weighted_refuses_to_redefine_its_keywords():
  with pytest.raises(TypeError, match="must not define \\['weights'\\]"):
    @_weighted.single_term('s')
    def loss(discriminator_gen_outputs, weights):  # pylint: disable=unused-variable
      return discriminator_gen_outputs * weights


def test_weighted_reduces_each_term_separately():
  @_weighted.real_and_generated_terms('s')
  def loss(discriminator_real_outputs, discriminator_gen_outputs):
    return discriminator_real_outputs, 2.0 * discriminator_gen_outputs

  real = np.array([[1.0], [2.0], [3.0]], np.float32)
  gen = np.array([[10.0]], np.float32)  # Batch sizes may differ.
  got = loss(real, gen, real_weights=np.array([[1.0], [0.0], [1.0]]),
             reduction=tf.compat.v1.losses.Reduction.SUM_BY_NONZERO_WEIGHTS)
  # (1 + 3) / 2 nonzero weights + 2 * 10 / 1.
  np.testing.assert_allclose(got.numpy(), 22.0)
  with pytest.raises(ValueError,
                     match=r'generated_weights.*\(2, 1\).*discriminator_gen'):
    loss(real, gen, generated_weights=np.ones((2, 1), np.float32))

  @_weighted.single_term('s', 'the per-feature loss')
  def features_loss(real_features):
    return tf.reduce_mean(real_features, axis=0)

  with pytest.raises(ValueError, match=r'weights.*\(3,\).*per-feature.*\(2,\)'):
    features_loss(np.ones((4, 2), np.float32), weights=np.ones(3))
