# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Public API: namespaces as supersets of upstream, the tuple forms and
`args_to_gan_model`, the registry, and tuple-vs-argument equality for every
exported name."""

import importlib
import inspect
import os

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan
import tensorflow_probability as tfp

import tfgan_ext
from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

import losses_testlib as lib

rng = np.random.RandomState(11)
REAL_OUT = rng.normal(size=(4, 1)).astype(np.float32)
GEN_OUT = rng.normal(size=(4, 1)).astype(np.float32)
REAL = rng.normal(size=(4, 3)).astype(np.float32)
GEN = rng.normal(size=(4, 3)).astype(np.float32)
LINEAR_W = rng.normal(size=(3, 1)).astype(np.float32)
NOISE = rng.normal(size=(4, 2)).astype(np.float32)
GENERATOR_W = rng.normal(size=(2, 3)).astype(np.float32)


def _linear(x, unused_inputs):
  return tf.matmul(x, LINEAR_W)


# ------------------------------------------------------------ namespaces ---


def test_namespaces_are_supersets_of_upstream():
  assert set(tfgan.losses.__all__) <= set(tfgan_ext_losses.__all__)
  assert set(tfgan.losses.wargs.__all__) <= set(wargs.__all__)
  for module in (tfgan_ext_losses, wargs, tuple_losses):
    for name in module.__all__:
      assert hasattr(module, name), (module.__name__, name)


def test_every_module_has_all():
  package_dir = os.path.dirname(tfgan_ext_losses.__file__)
  names = sorted(f[:-3] for f in os.listdir(package_dir)
                 if f.endswith('.py') and f != '__init__.py')
  assert len(names) >= 10, names
  for name in names:
    module = importlib.import_module('tfgan_ext.losses.' + name)
    assert module.__all__, name
    assert len(set(module.__all__)) == len(module.__all__), name
    for exported in module.__all__:
      assert hasattr(module, exported), (name, exported)


REQUIRED = ['hinge_generator_loss', 'hinge_discriminator_loss',
            'lsgan_generator_loss', 'lsgan_discriminator_loss',
            'feature_matching_loss', 'r1_penalty', 'r2_penalty',
            'dragan_penalty', 'wasserstein_gradient_penalty',
            'relativistic_generator_loss', 'relativistic_discriminator_loss',
            'relativistic_lsgan_generator_loss',
            'relativistic_lsgan_discriminator_loss',
            'relativistic_hinge_generator_loss',
            'relativistic_hinge_discriminator_loss']


@pytest.mark.parametrize('name', REQUIRED)
def test_required_names_in_both_styles_paper_and_formula_in_wargs(name):
  doc = getattr(wargs, name).__doc__
  assert 'arxiv.org/abs/' in doc and 'Args:' in doc and 'Returns:' in doc
  # The GANModel-style form's docstring points to the argument-style one.
  assert '`wargs.%s`' % name in getattr(tfgan_ext_losses, name).__doc__
  for fn in (getattr(wargs, name), getattr(tfgan_ext_losses, name)):
    assert fn.__name__ == name


def test_exported_functions_keep_their_own_names():
  # Upstream renames wasserstein_generator_loss when aliasing it.
  assert tfgan.losses.wargs.wasserstein_generator_loss.__name__ == (
      'wasserstein_hinge_generator_loss')  # The upstream defect, untouched.
  for module in (wargs, tuple_losses):
    for name in module.__all__:
      fn = getattr(module, name)
      if name.startswith('stargan_') or name == 'args_to_gan_model':
        continue
      assert fn.__name__ == name, (module.__name__, name, fn.__name__)


# ---------------------------------------------------------- tuple wrapper ---

TUPLE_WRAPPED = sorted(
    name for name in tuple_losses.__all__
    if hasattr(getattr(tuple_losses, name), 'args_loss_fn'))


_CONDITIONAL = discriminator_outputs.CONDITIONAL_ARGUMENTS


def test_tuple_wrapped_covers_every_args_style_name_reading_tuple_fields():
  # ... or reading a conditional loss's tensors (DiscriminatorOutputs fields
  # and labels).
  expected = {name for name in wargs.__all__
              if set(inspect.signature(getattr(wargs, name)).parameters) &
              (tuple_losses.TUPLE_FIELDS | set(_CONDITIONAL))}
  expected.discard('feature_matching_loss')  # Its tuple form takes features_fn.
  expected.discard('top_k_mask')  # Not a loss: the weights top-k uses.
  assert expected == set(TUPLE_WRAPPED)


@pytest.mark.parametrize('name', TUPLE_WRAPPED)
def test_tuple_form_doc_name_and_signature(name):
  fn = getattr(tuple_losses, name)
  args_fn = getattr(wargs, name)
  assert fn.args_loss_fn is args_fn
  # A short docstring naming its argument-style form and the fields it reads
  # (tests/losses/losses_tuple_forms_test.py checks the written `def`s).
  assert '`wargs.%s`' % name in fn.__doc__
  args_params = inspect.signature(args_fn).parameters
  read = tuple_losses.TUPLE_FIELDS
  fields = set(args_params) & read
  if name in tuple_losses.CONDITIONAL_FORMS:
    read = set(_CONDITIONAL)
    fields = {_CONDITIONAL[p][0] for p in set(args_params) & read}
    # ... and the DiscriminatorOutputs fields it reads from them.
    fields |= {_CONDITIONAL[p][1] for p in set(args_params) & read} - {None}
  for field in fields:
    assert '`%s`' % field in fn.__doc__, (name, field)
  params = inspect.signature(fn).parameters
  assert list(params)[0] == 'gan_model'
  assert list(params)[1:] == [p for p in args_params if p not in read]
  # What tfgan.gan_loss inspects (getargspec, provided by tfgan_ext.compat).
  spec = inspect.getfullargspec(fn)
  assert spec.args[0] == 'gan_model'
  if 'reduction' in args_params:
    assert 'reduction' in spec.args and 'add_summaries' in spec.args


def test_tuple_form_errors():
  model = lib.fake_model(discriminator_real_outputs=REAL_OUT,
                         discriminator_gen_outputs=GEN_OUT)
  # A tuple field is not a parameter of the written-out def: Python's
  # TypeError names it (args_to_gan_model raised ValueError; see below).
  with pytest.raises(TypeError, match="unexpected keyword argument "
                     "'discriminator_gen_outputs'"):
    tfgan_ext_losses.hinge_generator_loss(
        model, discriminator_gen_outputs=GEN_OUT)
  with pytest.raises(TypeError, match='realmargin'):
    tfgan_ext_losses.hinge_discriminator_loss(model, realmargin=2.0)
  with pytest.raises(TypeError, match='hinge_discriminator_loss.*GAN model '
                     'namedtuple'):
    tfgan_ext_losses.hinge_discriminator_loss(REAL_OUT)
  # A GANModel lacks ACGAN's fields: the error names them and the model type.
  with pytest.raises(ValueError, match='acgan_generator_loss reads .*'
                     '`one_hot_labels`.*a GANModel has not.*tfgan.ACGANModel'):
    tfgan_ext_losses.acgan_generator_loss(model)
  with pytest.raises(TypeError, match="unexpected keyword argument "
                     "'one_hot_labels'"):
    tfgan_ext_losses.acgan_generator_loss(model, one_hot_labels=REAL_OUT)


def test_args_to_gan_model_errors_and_custom_losses():
  model = lib.fake_model(discriminator_real_outputs=REAL_OUT,
                         discriminator_gen_outputs=GEN_OUT)
  hinge = tuple_losses.args_to_gan_model(wargs.hinge_generator_loss)
  with pytest.raises(ValueError, match='discriminator_gen_outputs.*both'):
    hinge(model, discriminator_gen_outputs=GEN_OUT)
  with pytest.raises(TypeError, match='realmargin'):
    tuple_losses.args_to_gan_model(wargs.hinge_discriminator_loss)(
        model, realmargin=2.0)
  with pytest.raises(TypeError, match='GAN model namedtuple'):
    hinge(REAL_OUT)
  # A GANModel lacks one_hot_labels: a missing required tuple argument,
  # which args_to_gan_model's wrapper also takes as a keyword.
  acgan = tuple_losses.args_to_gan_model(wargs.acgan_generator_loss)
  with pytest.raises(ValueError,
                     match='one_hot_labels.*must be supplied.*GANModel has'):
    acgan(model)

  def custom_loss(discriminator_gen_outputs, temperature, scope=None):
    del scope
    return tf.reduce_mean(discriminator_gen_outputs) / temperature
  wrapped = tuple_losses.args_to_gan_model(custom_loss)
  with pytest.raises(ValueError, match='`temperature` must be supplied'):
    wrapped(model)
  np.testing.assert_allclose(wrapped(model, temperature=2.0).numpy(),
                             GEN_OUT.mean() / 2, rtol=1e-6)
  np.testing.assert_allclose(wrapped(model, 2.0).numpy(),  # Positional too.
                             GEN_OUT.mean() / 2, rtol=1e-6)
  # The wrapper's signature is the one written in its def; its docstring
  # names the wrapped loss's other parameters.
  assert str(inspect.signature(wrapped)) == '(gan_model, *args, **kwargs)'
  assert 'other parameters are (temperature, scope=None)' in wrapped.__doc__
  # tfgan.gan_loss passes its options to a **kwargs function: dropped here.
  np.testing.assert_allclose(
      wrapped(model, temperature=2.0, reduction=None,
              add_summaries=True).numpy(), GEN_OUT.mean() / 2, rtol=1e-6)


def _acgan_model():
  labels = np.eye(3, dtype=np.float32)[[0, 2, 1, 0]]
  base = lib.fake_model(discriminator_real_outputs=REAL_OUT,
                        discriminator_gen_outputs=GEN_OUT)
  return tfgan.ACGANModel(
      *base, one_hot_labels=labels,
      discriminator_real_classification_logits=rng.normal(size=(4, 3)).astype(
          np.float32),
      discriminator_gen_classification_logits=rng.normal(size=(4, 3)).astype(
          np.float32))


def _infogan_model():
  base = lib.fake_model()
  logits = rng.normal(size=(4, 3)).astype(np.float32)
  return tfgan.InfoGANModel(
      *base, structured_generator_inputs=[tf.constant([0, 2, 1, 0])],
      predicted_distributions=[tfp.distributions.Categorical(logits=logits)],
      discriminator_and_aux_fn=None)


# A conditional head's outputs (K = 3 classes, E = 5): the model's fields, and
# the same tensors by argument-style parameter name.
_LABELS = np.array([0, 2, 1, 0])
_CONDITIONAL_REAL = discriminator_outputs.DiscriminatorOutputs(
    logits=REAL_OUT, class_logits=rng.normal(size=(4, 4)).astype(np.float32),
    embeddings=rng.normal(size=(4, 5)).astype(np.float32),
    proxies=rng.normal(size=(4, 5)).astype(np.float32))
_CONDITIONAL_GEN = discriminator_outputs.DiscriminatorOutputs(
    logits=GEN_OUT, class_logits=rng.normal(size=(4, 4)).astype(np.float32),
    embeddings=rng.normal(size=(4, 5)).astype(np.float32),
    proxies=rng.normal(size=(4, 5)).astype(np.float32))
_CONDITIONAL_TENSORS = {
    'discriminator_real_classification_logits':
        _CONDITIONAL_REAL.class_logits,
    'discriminator_gen_classification_logits': _CONDITIONAL_GEN.class_logits,
    'discriminator_real_embeddings': _CONDITIONAL_REAL.embeddings,
    'discriminator_real_proxies': _CONDITIONAL_REAL.proxies,
    'discriminator_gen_embeddings': _CONDITIONAL_GEN.embeddings,
    'discriminator_gen_proxies': _CONDITIONAL_GEN.proxies,
    'labels': _LABELS,
}


def _model_for(name):
  if name in tuple_losses.CONDITIONAL_FORMS:
    if name.startswith('auxiliary_'):  # K columns, not K + 1.
      real = _CONDITIONAL_REAL._replace(
          class_logits=_CONDITIONAL_REAL.class_logits[:, :3])
      gen = _CONDITIONAL_GEN._replace(
          class_logits=_CONDITIONAL_GEN.class_logits[:, :3])
    else:
      real, gen = _CONDITIONAL_REAL, _CONDITIONAL_GEN
    return lib.fake_model(discriminator_real_outputs=real,
                          discriminator_gen_outputs=gen,
                          generator_inputs=(NOISE, _LABELS))
  if name.startswith('acgan'):
    return _acgan_model()
  if name == 'mutual_information_penalty':
    return _infogan_model()
  return lib.fake_model(
      discriminator_real_outputs=REAL_OUT, discriminator_gen_outputs=GEN_OUT,
      real_data=REAL, generated_data=GEN, discriminator_fn=_linear,
      generator_inputs=NOISE, generator_fn=lambda z: tf.matmul(z,
                                                               GENERATOR_W))


@pytest.mark.parametrize('name', TUPLE_WRAPPED)
def test_tuple_form_equals_argument_form(name):
  model = _model_for(name)
  args_fn = getattr(wargs, name)
  kwargs = {p: getattr(model, p)
            for p in inspect.signature(args_fn).parameters
            if p in model._fields}
  if name in tuple_losses.CONDITIONAL_FORMS:
    kwargs = {p: _CONDITIONAL_TENSORS[p]
              for p in inspect.signature(args_fn).parameters
              if p in _CONDITIONAL_TENSORS}
    if name.startswith('auxiliary_'):
      kwargs = {p: v[:, :3] if p.endswith('classification_logits') else v
                for p, v in kwargs.items()}
  extra = {'seed': 5} if 'seed' in inspect.signature(args_fn).parameters else {}
  if name in ('consistency_penalty', 'balanced_consistency_penalty'):
    extra = {'augment_fn': lambda x: x[:, ::-1]}
  if name == 'lecam_penalty':
    extra = {'real_anchor': 0.2, 'generated_anchor': -0.1}
  if name == 'top_k_generator_loss':
    extra = {'fraction': 0.5}

  def both():
    return (getattr(tuple_losses, name)(model, **extra),
            args_fn(**kwargs, **extra))
  tuple_value, args_value = both()
  np.testing.assert_allclose(tuple_value.numpy(), args_value.numpy(),
                             rtol=1e-6)


def test_generated_names_cover_upstream_tuple_names():
  for name in tfgan.losses.__all__:
    assert hasattr(tfgan_ext_losses, name)


# ---------------------------------------------------------------- registry ---


def test_names_and_aliases():
  names = tfgan_ext_losses.names(include_aliases=True)
  for required in ('minimax', 'modified', 'non_saturating', 'wasserstein',
                   'least_squares', 'hinge', 'lsgan', 'relativistic',
                   'relativistic_lsgan', 'relativistic_hinge'):
    assert required in names
  assert names == tuple(sorted(names))
  # Canonical names by default, like penalty_names().
  assert tfgan_ext_losses.names() == tfgan_ext_losses.names(
      include_aliases=False)
  assert 'non_saturating' not in tfgan_ext_losses.names()
  assert tfgan_ext_losses.get('non_saturating') is tfgan_ext_losses.get(
      'modified')
  aliases = tfgan_ext_losses.aliases()
  assert aliases['non_saturating'] == 'modified'
  assert set(aliases.values()) <= set(tfgan_ext_losses.names())
  assert not set(aliases) & set(tfgan_ext_losses.names())


def test_get_returns_a_loss_pair():
  pair = tfgan_ext_losses.get('hinge')
  assert isinstance(pair, tfgan_ext_losses.LossPair)
  assert pair._fields == ('generator_loss_fn', 'discriminator_loss_fn')
  assert pair.generator_loss_fn is tfgan_ext_losses.hinge_generator_loss
  assert pair.discriminator_loss_fn is (
      tfgan_ext_losses.hinge_discriminator_loss)


@pytest.mark.parametrize('bad', ['hinje', '', None, 3])
def test_unknown_name_lists_valid_names(bad):
  with pytest.raises(ValueError, match='valid names: hinge, least_squares'):
    tfgan_ext_losses.get(bad)


def test_package_imports_losses():
  assert tfgan_ext.losses is tfgan_ext_losses
