# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The conditional losses: multi-hinge (K + 1 and auxiliary) and D2D-CE.

Every value is compared with a NumPy reference written here from the papers'
formulas (float64, loops over examples, nothing from tfgan_ext):

* Crammer & Singer's multi-class hinge, max(0, m + max_{k != t} C_k - C_t),
  as Kavalerov, Czaja & Chellappa (arXiv:1912.04216) use it: the K + 1
  discriminator classifies real examples into their class and generated
  ones into class K; the generator wants class y by a margin over all
  others; the auxiliary form classifies real and generated examples into
  their labels;
* D2D-CE (Kang et al., arXiv:2111.01118): -log(e^P / (e^P + sum_{j: y_j !=
  y_i} e^N_ij)), P = min(f.v - m_p, 0) / t, N = max(f_i.f_j - m_n, 0) / t,
  on unit-length embeddings f and proxies v.

The hard-coded settings are the papers' defaults (margin 1; m_p 0.98,
m_n 0.02, t 0.5 from StudioGAN's ReACGAN CIFAR-10 configuration) or chosen
here to differ from them (margin 0.5; m_p 0.9, m_n 0.1, t 0.25). Each loss
is checked for every reduction, weights (one of them zero), integer and
one-hot labels, eagerly, in a TF-1 graph and inside tf.function; its loss
collection and summaries; finite gradients at extreme logits; and every
error. Then the GANModel-style forms, the registry's conditional list and
head table, `tfgan.gan_loss` / `gan_train_ops` with a discriminator that
returns `DiscriminatorOutputs`, and R1 on such a discriminator. The global
batch (2 replicas) is in losses_conditional_global_batch_test.py.
"""

import collections

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext.losses as tfgan_ext_losses
from tfgan_ext.losses import DiscriminatorOutputs
from tfgan_ext.losses import wargs

import losses_testlib as lib

pytestmark = pytest.mark.filterwarnings(
    'ignore:`tf.layers.dense` is deprecated')

Reduction = tf.compat.v1.losses.Reduction
K = 3  # Classes.
B = 6  # Batch.
E = 4  # Embedding dimensions.

_rng = np.random.default_rng(28)
LABELS = np.array([0, 2, 1, 0, 2, 2])  # Every class, some repeated.
ONE_HOT = np.eye(K, dtype=np.float32)[LABELS]
# K + 1 class logits (the last column the generated class) and K class
# logits; scaled so that some hinges are active and some are not.
MH_REAL = (_rng.normal(size=(B, K + 1)) * 1.5).astype(np.float32)
MH_GEN = (_rng.normal(size=(B, K + 1)) * 1.5).astype(np.float32)
AUX_REAL = (_rng.normal(size=(B, K)) * 1.5).astype(np.float32)
AUX_GEN = (_rng.normal(size=(B, K)) * 1.5).astype(np.float32)
EMBEDDINGS = _rng.normal(size=(B, E)).astype(np.float32)
PROXIES = _rng.normal(size=(B, E)).astype(np.float32)
WEIGHTS = np.array([1.0, 0.5, 0.0, 2.0, 1.0, 1.5], np.float32)


# ------------------------------------------------------------ references ---


def crammer_singer(logits, targets, margin):
  """max(0, m + max_{k != t} C_k - C_t) per example."""
  out = []
  for row, target in zip(np.asarray(logits, np.float64), targets):
    others = np.delete(row, target)
    out.append(max(0.0, margin + others.max() - row[target]))
  return np.array(out)


def d2dce(embeddings, proxies, labels, m_p, m_n, t):
  """D2D-CE per example, from Kang et al.'s formula."""
  f = np.asarray(embeddings, np.float64)
  v = np.asarray(proxies, np.float64)
  f = f / np.linalg.norm(f, axis=1, keepdims=True)
  v = v / np.linalg.norm(v, axis=1, keepdims=True)
  out = []
  for i in range(len(f)):
    p = min(f[i] @ v[i] - m_p, 0.0) / t
    n = [max(f[i] @ f[j] - m_n, 0.0) / t
         for j in range(len(f)) if labels[j] != labels[i]]
    out.append(-np.log(np.exp(p) / (np.exp(p) + np.sum(np.exp(n)))))
  return np.array(out)


def reference(name, rw=1.0, gw=1.0, red=Reduction.SUM_BY_NONZERO_WEIGHTS,
              margin=1.0, m_p=0.98, m_n=0.02, t=0.5):
  """The loss `name` of the module's arrays, weighted and reduced."""
  reduce = lib.reduce
  if name == 'multi_hinge_discriminator_loss':
    real = reduce(crammer_singer(MH_REAL, LABELS, margin), rw, red)
    return real + reduce(crammer_singer(MH_GEN, [K] * B, margin), gw, red)
  if name == 'multi_hinge_generator_loss':
    return reduce(crammer_singer(MH_GEN, LABELS, margin), gw, red)
  if name == 'auxiliary_multi_hinge_discriminator_loss':
    real = reduce(crammer_singer(AUX_REAL, LABELS, margin), rw, red)
    return real + reduce(crammer_singer(AUX_GEN, LABELS, margin), gw, red)
  if name == 'auxiliary_multi_hinge_generator_loss':
    return reduce(crammer_singer(AUX_GEN, LABELS, margin), gw, red)
  # D2D-CE: the same formula for either player.
  return reduce(d2dce(EMBEDDINGS, PROXIES, LABELS, m_p, m_n, t), gw, red)


# Each loss, its tensors (real before generated) and whether it takes
# real_weights / generated_weights (else weights).
LOSSES = {
    'multi_hinge_discriminator_loss': ((MH_REAL, MH_GEN), True),
    'multi_hinge_generator_loss': ((MH_GEN,), False),
    'auxiliary_multi_hinge_discriminator_loss': ((AUX_REAL, AUX_GEN), True),
    'auxiliary_multi_hinge_generator_loss': ((AUX_GEN,), False),
    'd2dce_discriminator_loss': ((EMBEDDINGS, PROXIES), False),
    'd2dce_generator_loss': ((EMBEDDINGS, PROXIES), False),
}
MH_LOSSES = [n for n in LOSSES if 'hinge' in n]


def call(name, labels=LABELS, rw=1.0, gw=1.0, **kwargs):
  tensors, two = LOSSES[name]
  if two:
    kwargs.update(real_weights=rw, generated_weights=gw)
  else:
    kwargs.update(weights=gw)
  return getattr(wargs, name)(*tensors, labels, **kwargs)


# -------------------------------------------------------------- values ---


@pytest.mark.parametrize('labels', ['int', 'one_hot'])
@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('name', sorted(LOSSES))
def test_value_equals_reference(name, reduction, labels):
  labels = LABELS if labels == 'int' else ONE_HOT
  rw = WEIGHTS[::-1] if LOSSES[name][1] else 1.0
  value = call(name, labels, rw=rw, gw=WEIGHTS, reduction=reduction,
               loss_collection=None)
  want = reference(name, rw, WEIGHTS, reduction)
  np.testing.assert_allclose(value.numpy(), want, rtol=1e-5, atol=1e-6)
  assert value.dtype == tf.float32


@pytest.mark.parametrize('name', MH_LOSSES)
def test_margin(name):
  np.testing.assert_allclose(
      call(name, margin=0.5).numpy(), reference(name, margin=0.5), rtol=1e-5)


@pytest.mark.parametrize('name', ['d2dce_discriminator_loss',
                                  'd2dce_generator_loss'])
def test_d2dce_settings(name):
  value = call(name, positive_margin=0.9, negative_margin=0.1,
               temperature=0.25)
  np.testing.assert_allclose(
      value.numpy(), reference(name, m_p=0.9, m_n=0.1, t=0.25), rtol=1e-5)
  # Same-class examples are not negatives: with one class there are none,
  # and the loss is 0 (-log(e^P / e^P)).
  np.testing.assert_allclose(
      getattr(wargs, name)(EMBEDDINGS, PROXIES, np.zeros(B, np.int32)),
      0.0, atol=1e-6)
  # Scaling embeddings or proxies changes nothing (unit length inside).
  np.testing.assert_allclose(
      getattr(wargs, name)(EMBEDDINGS * 7.0, PROXIES * 0.01, LABELS),
      call(name), rtol=1e-5)


@pytest.mark.parametrize('name', sorted(LOSSES))
def test_graph_and_function_equal_eager(name):
  want = reference(name)
  value, graph = lib.run_graph(lambda: call(name))
  np.testing.assert_allclose(value, want, rtol=1e-5)
  # Added to the LOSSES collection once, with the returned value.
  collected = graph.get_collection(tf.compat.v1.GraphKeys.LOSSES)
  assert len(collected) == 1
  function_value = tf.function(lambda: call(name, tf.constant(LABELS)))()
  np.testing.assert_allclose(function_value.numpy(), want, rtol=1e-5)


@pytest.mark.parametrize('name', sorted(LOSSES))
def test_collection_and_summaries(name):
  def build():
    call(name, loss_collection='mine', add_summaries=True)
    call(name, loss_collection=None)
    return tf.compat.v1.get_collection('mine')
  (value,), graph = lib.run_graph(build)
  np.testing.assert_allclose(value, reference(name), rtol=1e-5)
  assert not graph.get_collection(tf.compat.v1.GraphKeys.LOSSES)
  summaries = graph.get_collection(tf.compat.v1.GraphKeys.SUMMARIES)
  assert len(summaries) == (3 if LOSSES[name][1] else 1)


@pytest.mark.parametrize('scale', [1e4, 1e30])
@pytest.mark.parametrize('name', sorted(LOSSES))
def test_finite_at_extreme_values(name, scale):
  tensors = [tf.constant(np.sign(t) * scale, tf.float32)
             for t in LOSSES[name][0]]
  if name.startswith('d2dce'):  # And a zero embedding.
    tensors[0] = tf.tensor_scatter_nd_update(tensors[0], [[1]],
                                             tf.zeros([1, E]))
  with tf.GradientTape() as tape:
    tape.watch(tensors)
    kwargs = {'real_weights': 1.0} if LOSSES[name][1] else {}
    loss = getattr(wargs, name)(*tensors, LABELS, **kwargs)
  grads = tape.gradient(loss, tensors)
  assert np.isfinite(loss.numpy())
  for grad in grads:
    assert np.all(np.isfinite(grad.numpy()))


def test_d2dce_gradient_equals_finite_differences():
  # The -inf masking and the max-scaling keep the true gradient.
  def loss(embeddings, proxies):
    return wargs.d2dce_discriminator_loss(embeddings, proxies, LABELS,
                                          temperature=1.0)
  theoretical, numerical = tf.test.compute_gradient(
      loss, [tf.constant(EMBEDDINGS), tf.constant(PROXIES)], delta=1e-2)
  for got, want in zip(theoretical, numerical):
    np.testing.assert_allclose(got, want, atol=2e-3)


def test_float16_inputs_compute_in_float32():
  value = wargs.multi_hinge_generator_loss(MH_GEN.astype(np.float16), LABELS)
  assert value.dtype == tf.float32
  np.testing.assert_allclose(
      value.numpy(), lib.reduce(crammer_singer(
          MH_GEN.astype(np.float16), LABELS, 1.0), 1.0,
                                Reduction.SUM_BY_NONZERO_WEIGHTS), rtol=1e-5)


# ---------------------------------------------------------------- errors ---


def test_labels_out_of_range():
  with pytest.raises(ValueError, match=r'`labels` holds class indices \[3\];'
                     r' class indices must be in \[0, 3\).*K \+ 1.*K = 3'):
    wargs.multi_hinge_discriminator_loss(MH_REAL, MH_GEN, LABELS + 1)
  with pytest.raises(ValueError, match=r'holds class indices \[-1\]'):
    wargs.auxiliary_multi_hinge_generator_loss(AUX_GEN, LABELS - 1)
  with pytest.raises(ValueError, match=r'must be >= 0'):
    wargs.d2dce_generator_loss(EMBEDDINGS, PROXIES, LABELS - 1)
  # Unknown while the graph is built: checked when the loss runs.
  loss = tf.function(lambda y: wargs.multi_hinge_generator_loss(MH_GEN, y))
  with pytest.raises(tf.errors.InvalidArgumentError,
                     match=r'`labels`: class indices must be in \[0, 3\)'):
    loss(tf.constant(LABELS + 1))


def test_wrong_class_count():
  # One-hot over K classes, but K class logits given to the K + 1 loss.
  with pytest.raises(ValueError, match=r'one-hot over 3 classes, but '
                     r'`discriminator_gen_classification_logits` has 3 '
                     r'columns, K \+ 1.*K = 2'):
    wargs.multi_hinge_generator_loss(AUX_GEN, ONE_HOT)
  with pytest.raises(ValueError, match=r'one-hot over 3 classes.*has 4 '
                     r'columns: the loss expects 4 classes'):
    wargs.auxiliary_multi_hinge_generator_loss(MH_GEN, ONE_HOT)
  with pytest.raises(ValueError, match='must have the same rank and the '
                     'same shape after the batch'):
    wargs.multi_hinge_discriminator_loss(MH_REAL, MH_GEN[:, :3], LABELS)
  with pytest.raises(ValueError, match=r'1 column\(s\); a classifier needs '
                     r'K >= 2'):
    wargs.auxiliary_multi_hinge_generator_loss(AUX_GEN[:, :1], LABELS * 0)


def test_wrong_ranks_and_shapes():
  with pytest.raises(ValueError, match=r'class logits \[batch, classes\]'):
    wargs.multi_hinge_generator_loss(MH_GEN[:, 0], LABELS)
  with pytest.raises(ValueError, match=r'class logits \[batch, classes\]'):
    wargs.multi_hinge_generator_loss(MH_GEN[:, :, None], LABELS)
  with pytest.raises(ValueError, match=r'`labels` must be integer class '
                     r'indices \[batch\] or one-hot'):
    wargs.multi_hinge_generator_loss(MH_GEN, ONE_HOT[:, :, None])
  with pytest.raises(ValueError, match=r'`labels` shape \(5,\) and '
                     r'`discriminator_gen_classification_logits` shape '
                     r'\(6, 4\) must have the same batch size'):
    wargs.multi_hinge_generator_loss(MH_GEN, LABELS[:5])
  with pytest.raises(ValueError, match='`labels` .* and '
                     '`discriminator_gen_classification_logits` .* same batch'):
    wargs.auxiliary_multi_hinge_discriminator_loss(AUX_REAL, AUX_GEN[:5],
                                                   LABELS)
  with pytest.raises(ValueError, match=r'`discriminator_real_embeddings` must'
                     r' be embeddings \[batch, dimensions\]'):
    wargs.d2dce_discriminator_loss(EMBEDDINGS[:, 0], PROXIES, LABELS)
  with pytest.raises(ValueError, match='`discriminator_gen_embeddings` shape '
                     r'\(6, 4\) and `discriminator_gen_proxies` shape '
                     r'\(6, 3\)'):
    wargs.d2dce_generator_loss(EMBEDDINGS, PROXIES[:, :3], LABELS)
  with pytest.raises(ValueError, match='`weights` of shape .* cannot be '
                     'broadcast'):
    wargs.d2dce_generator_loss(EMBEDDINGS, PROXIES, LABELS, weights=WEIGHTS[:5])


def test_wrong_dtypes():
  with pytest.raises(TypeError, match='`discriminator_real_classification_'
                     'logits` must be a floating-point tensor'):
    wargs.multi_hinge_discriminator_loss(MH_REAL.astype(np.int32), MH_GEN,
                                         LABELS)
  with pytest.raises(TypeError, match='`discriminator_gen_embeddings` must be '
                     'a floating-point tensor'):
    wargs.d2dce_generator_loss(EMBEDDINGS.astype(np.int64), PROXIES, LABELS)
  with pytest.raises(TypeError, match=r'`labels` of shape \(6,\) must be '
                     'integer class indices, got dtype float32'):
    wargs.multi_hinge_generator_loss(MH_GEN, LABELS.astype(np.float32))
  with pytest.raises(TypeError, match='got dtype bool'):
    wargs.multi_hinge_generator_loss(MH_GEN, LABELS > 0)


def test_bad_settings():
  with pytest.raises(ValueError, match='temperature must be > 0'):
    wargs.d2dce_generator_loss(EMBEDDINGS, PROXIES, LABELS, temperature=0.0)
  with pytest.raises(ValueError, match=r'positive_margin must be in \[-1, 1\]'):
    wargs.d2dce_generator_loss(EMBEDDINGS, PROXIES, LABELS,
                               positive_margin=1.5)
  with pytest.raises(ValueError, match='margin must be >= 0'):
    wargs.multi_hinge_generator_loss(MH_GEN, LABELS, margin=-1.0)


# ------------------------------------------------- GANModel-style forms ---


def _model(real, gen, generator_inputs=None):
  return lib.fake_model(
      discriminator_real_outputs=real, discriminator_gen_outputs=gen,
      generator_inputs=(generator_inputs if generator_inputs is not None
                        else (np.zeros((B, 2), np.float32), ONE_HOT)))


@pytest.mark.parametrize('form', ['namedtuple', 'dict', 'list'])
def test_forms_read_outputs_and_labels(form):
  real = DiscriminatorOutputs(None, MH_REAL, EMBEDDINGS, PROXIES)
  gen = DiscriminatorOutputs(None, MH_GEN, EMBEDDINGS, PROXIES)
  if form == 'dict':
    real, gen = ({k: v for k, v in o._asdict().items() if v is not None}
                 for o in (real, gen))
  elif form == 'list':
    real, gen = list(real), list(gen)
  model = _model(real, gen)
  for name in ('multi_hinge_discriminator_loss', 'multi_hinge_generator_loss',
               'd2dce_discriminator_loss', 'd2dce_generator_loss'):
    value = getattr(tfgan_ext_losses, name)(model, reduction=Reduction.SUM)
    np.testing.assert_allclose(value.numpy(),
                               reference(name, red=Reduction.SUM), rtol=1e-5)


def test_forms_errors_name_the_loss_and_the_heads():
  with pytest.raises(ValueError, match=r'multi_hinge_generator_loss reads '
                     r'`class_logits` from the discriminator\'s outputs on '
                     r'generated data, but it returned one tensor of shape '
                     r'\(6, 1\).*Heads that give `class_logits`: ac, '
                     r'projection_ac, multi_hinge'):
    tfgan_ext_losses.multi_hinge_generator_loss(
        _model(np.zeros((B, 1), np.float32), np.zeros((B, 1), np.float32)))
  with pytest.raises(ValueError, match=r'd2dce_discriminator_loss reads '
                     r'`embeddings`.*real data.*Heads that give `embeddings`: '
                     r'd2dce'):
    tfgan_ext_losses.d2dce_discriminator_loss(
        _model(DiscriminatorOutputs(class_logits=MH_REAL), None))
  with pytest.raises(ValueError, match=r'reads the class labels from '
                     r'`generator_inputs` = \(noise, labels\).*got one tensor'):
    tfgan_ext_losses.multi_hinge_generator_loss(
        _model(None, DiscriminatorOutputs(class_logits=MH_GEN),
               np.zeros((B, 2), np.float32)))
  with pytest.raises(ValueError, match=r"keys \['scores'\] that are not "
                     'DiscriminatorOutputs fields'):
    tfgan_ext_losses.multi_hinge_generator_loss(
        _model(None, {'scores': MH_GEN}))
  unrelated = collections.namedtuple('Unrelated', ['x'])(None)
  with pytest.raises(ValueError, match='multi_hinge_generator_loss reads '
                     '`discriminator_gen_outputs`, `generator_inputs` from '
                     '`gan_model`, which a Unrelated has not'):
    tfgan_ext_losses.multi_hinge_generator_loss(unrelated)


# -------------------------------------------------- the conditional list ---

# Which head returns what, written from the heads' definitions (Miyato &
# Koyama 2018 for projection; Odena et al. 2017 for AC; Kavalerov et al. for
# the K + 1 head and the projection + classifier critic; Kang et al. for
# ReACGAN's), and which loss reads what.
HEAD_FIELDS = {
    'concat': None, 'projection': None,
    'ac': ({'logits', 'class_logits'}, 'K'),
    'projection_ac': ({'logits', 'class_logits'}, 'K'),
    'multi_hinge': ({'class_logits'}, 'K + 1'),
    'd2dce': ({'logits', 'embeddings', 'proxies'}, None),
}
LOSS_READS = {
    'acgan': ({'logits', 'class_logits'}, 'K'),
    'auxiliary_multi_hinge': ({'logits', 'class_logits'}, 'K'),
    'multi_hinge': ({'class_logits'}, 'K + 1'),
    'd2dce': ({'logits', 'embeddings', 'proxies'}, None),
}
VALID = {('ac', 'acgan'), ('projection_ac', 'acgan'),
         ('ac', 'auxiliary_multi_hinge'),
         ('projection_ac', 'auxiliary_multi_hinge'),
         ('multi_hinge', 'multi_hinge'), ('d2dce', 'd2dce')}


def test_conditional_list_is_separate_from_names():
  assert tfgan_ext_losses.conditional_names() == tuple(sorted(LOSS_READS))
  assert not set(tfgan_ext_losses.conditional_names()) & set(
      tfgan_ext_losses.names(include_aliases=True))
  assert tfgan_ext_losses.head_names() == tuple(HEAD_FIELDS)
  for name, (fields, columns) in LOSS_READS.items():
    spec = tfgan_ext_losses.conditional_loss(name)
    assert set(spec.outputs) == fields and spec.class_columns == columns
  with pytest.raises(ValueError, match="Unknown conditional loss 'hinge'; "
                     'valid names: acgan, auxiliary_multi_hinge, d2dce, '
                     r'multi_hinge \(and, for heads with one logit'):
    tfgan_ext_losses.get_conditional('hinge')


@pytest.mark.parametrize('head', sorted(HEAD_FIELDS))
def test_check_head_and_loss(head):
  for loss in tfgan_ext_losses.names() + tfgan_ext_losses.conditional_names():
    valid = ((head, loss) in VALID if loss in LOSS_READS
             else HEAD_FIELDS[head] is None)
    if valid:
      tfgan_ext_losses.check_head_and_loss(head, loss)
      continue
    with pytest.raises(ValueError) as error:
      tfgan_ext_losses.check_head_and_loss(head, loss)
    message = str(error.value)
    assert message.startswith('Loss %r does not fit head %r' % (loss, head))
    heads = ([h for h, l in sorted(VALID) if l == loss] if loss in LOSS_READS
             else ['concat', 'projection'])
    for h in heads:
      assert h in message.split('Heads for')[1].split(';')[0], message


def test_check_head_and_loss_messages():
  with pytest.raises(ValueError, match=r"Loss 'multi_hinge' does not fit head "
                     r"'projection': the loss reads `class_logits` \(class "
                     r'logits over K \+ 1 columns\), the head returns one '
                     r"logit per example\. Heads for 'multi_hinge': "
                     r"multi_hinge; losses for head 'projection': hinge, "
                     r".*projection_ac.*"
                     'auxiliary_multi_hinge'):
    tfgan_ext_losses.check_head_and_loss('projection', 'multi_hinge')
  with pytest.raises(ValueError, match="Loss 'hinge' does not fit head 'ac'.*"
                     "losses for head 'ac': acgan, auxiliary_multi_hinge"):
    tfgan_ext_losses.check_head_and_loss('ac', 'hinge')
  with pytest.raises(ValueError, match="Unknown discriminator head 'pd'; "
                     'valid heads: concat, projection, ac, projection_ac, '
                     'multi_hinge, d2dce'):
    tfgan_ext_losses.check_head_and_loss('pd', 'hinge')
  with pytest.raises(ValueError, match="Unknown loss 'mh' for head "
                     "'multi_hinge'; valid losses: hinge.*conditional: acgan"):
    tfgan_ext_losses.check_head_and_loss('multi_hinge', 'mh')
  tfgan_ext_losses.check_head_and_loss('concat', 'non_saturating')  # Alias.


def test_get_conditional_binds_the_papers_choices():
  pair = tfgan_ext_losses.get_conditional('d2dce')
  assert pair.discriminator_loss_fn.keywords == {
      'condition_loss_fn': wargs.d2dce_discriminator_loss,
      'condition_weight': 0.5,
      'adversarial_loss_fn': tfgan_ext_losses.hinge_discriminator_loss}
  assert pair.generator_loss_fn.keywords['condition_weight'] == 0.5
  mh = tfgan_ext_losses.get_conditional('auxiliary_multi_hinge')
  assert mh.generator_loss_fn.keywords['condition_weight'] == 0.1
  assert mh.discriminator_loss_fn.keywords['condition_weight'] == 1.0
  k1 = tfgan_ext_losses.get_conditional('multi_hinge')
  assert k1.generator_loss_fn.keywords['adversarial_loss_fn'] is None
  ac = tfgan_ext_losses.get_conditional('acgan', adversarial='hinge',
                                        generator_weight=0.2)
  assert ac.generator_loss_fn.keywords == {
      'condition_loss_fn': wargs.acgan_generator_loss,
      'condition_weight': 0.2,
      'adversarial_loss_fn': tfgan_ext_losses.hinge_generator_loss}
  with pytest.raises(ValueError, match="'multi_hinge' is the whole GAN loss"):
    tfgan_ext_losses.get_conditional('multi_hinge', adversarial='hinge')
  with pytest.raises(ValueError, match="Unknown loss 'hing'"):
    tfgan_ext_losses.get_conditional('d2dce', adversarial='hing')


@pytest.mark.parametrize('reduction', [Reduction.SUM_BY_NONZERO_WEIGHTS,
                                       Reduction.NONE])
def test_conditional_pair_is_adversarial_plus_weighted_term(reduction):
  logits_real = _rng.normal(size=(B, 1)).astype(np.float32)
  logits_gen = _rng.normal(size=(B, 1)).astype(np.float32)
  model = _model(DiscriminatorOutputs(logits_real, None, EMBEDDINGS, PROXIES),
                 DiscriminatorOutputs(logits_gen, None, EMBEDDINGS, PROXIES))
  pair = tfgan_ext_losses.get_conditional('d2dce')
  term = d2dce(EMBEDDINGS, PROXIES, LABELS, 0.98, 0.02, 0.5)
  d_hinge = lib.relu(1 - logits_real[:, 0]) + lib.relu(1 + logits_gen[:, 0])
  want_d = d_hinge + 0.5 * term
  want_g = -logits_gen[:, 0] + 0.5 * term
  if reduction != Reduction.NONE:
    want_d, want_g = want_d.mean(), want_g.mean()
  got_d = pair.discriminator_loss_fn(model, reduction=reduction)
  got_g = pair.generator_loss_fn(model, reduction=reduction)
  np.testing.assert_allclose(np.squeeze(got_d.numpy()), want_d, rtol=1e-5)
  np.testing.assert_allclose(np.squeeze(got_g.numpy()), want_g, rtol=1e-5)
  if reduction == Reduction.NONE:
    assert got_d.shape == (B, 1)  # The adversarial loss's shape.


def _acgan_discriminator(data, unused_inputs):
  hidden = tf.compat.v1.layers.dense(data, 5, tf.nn.relu, name='hidden')
  return (tf.compat.v1.layers.dense(hidden, 1, name='logit'),
          tf.compat.v1.layers.dense(hidden, K, name='classes'))


def _generator(inputs):
  noise, labels = inputs
  return tf.compat.v1.layers.dense(tf.concat([noise, labels], 1), 3,
                                   name='out')


def test_acgan_equals_tfgan_acgan_model():
  # TF-GAN's own ACGAN (tfgan.acgan_model + gan_loss's auxiliary weights 1,
  # the non-saturating loss) equals the conditional list's 'acgan' on the
  # same tuple-returning discriminator.
  def build():
    tf.compat.v1.set_random_seed(1)
    inputs = (tf.random.normal([B, 2]), tf.constant(ONE_HOT))
    real = tf.random.normal([B, 3])
    upstream = tfgan.acgan_model(
        _generator, _acgan_discriminator, real, inputs, ONE_HOT)
    want = tfgan.gan_loss(
        upstream, generator_loss_fn=tfgan_ext_losses.modified_generator_loss,
        discriminator_loss_fn=tfgan_ext_losses.modified_discriminator_loss,
        aux_cond_generator_weight=1.0, aux_cond_discriminator_weight=1.0)
    ours = tfgan.GANModel(*upstream[:len(tfgan.GANModel._fields)])._replace(
        discriminator_real_outputs=(
            upstream.discriminator_real_outputs,
            upstream.discriminator_real_classification_logits),
        discriminator_gen_outputs=(
            upstream.discriminator_gen_outputs,
            upstream.discriminator_gen_classification_logits))
    got = tfgan.gan_loss(ours, **tfgan_ext_losses.get_conditional(
        'acgan')._asdict())
    return want, got
  want, got = lib.graph_value(build)
  np.testing.assert_allclose(got, want, rtol=1e-5)


def _conditional_discriminator(head):
  def discriminator(data, inputs):
    _, labels = inputs
    hidden = tf.compat.v1.layers.dense(data, 5, tf.nn.relu, name='hidden')
    if head == 'multi_hinge':
      return {'class_logits': tf.compat.v1.layers.dense(hidden, K + 1,
                                                        name='classes')}
    table = tf.compat.v1.get_variable('class_embeddings', [K, E])
    return DiscriminatorOutputs(
        logits=tf.compat.v1.layers.dense(hidden, 1, name='logit'),
        embeddings=tf.compat.v1.layers.dense(hidden, E, name='embedding'),
        proxies=tf.matmul(labels, table))
  return discriminator


@pytest.mark.parametrize('name', ['d2dce', 'multi_hinge'])
def test_gan_loss_and_train_ops_train(name):
  # tfgan.gan_model with a discriminator returning DiscriminatorOutputs (or a
  # dict), gan_loss with the registered pair (plus R1 where the head has a
  # logit), gan_train_ops and three steps through gan_train's hooks.
  def build():
    tf.compat.v1.set_random_seed(2)
    inputs = (tf.random.normal([B, 2]), tf.constant(ONE_HOT))
    model = tfgan.gan_model(_generator, _conditional_discriminator(name),
                            tf.random.normal([B, 3]), inputs)
    pair = tfgan_ext_losses.get_conditional(name)
    d_loss_fn = pair.discriminator_loss_fn
    if name == 'd2dce':
      d_loss_fn = tfgan_ext_losses.with_penalty(d_loss_fn, 'r1', weight=1.0)
    loss = tfgan.gan_loss(model, generator_loss_fn=pair.generator_loss_fn,
                          discriminator_loss_fn=d_loss_fn)
    ops = tfgan.gan_train_ops(
        model, loss, tf.compat.v1.train.GradientDescentOptimizer(0.1),
        tf.compat.v1.train.GradientDescentOptimizer(0.1))
    return ops, loss, model.discriminator_variables
  with tf.Graph().as_default():
    ops, loss, variables = build()
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      before = sess.run(variables)
      for _ in range(3):
        sess.run(ops.generator_train_op)
        sess.run(ops.discriminator_train_op)
      values = sess.run(loss)
      after = sess.run(variables)
  assert np.all(np.isfinite(values))
  assert any(not np.allclose(a, b) for a, b in zip(before, after))


def test_r1_takes_the_logits_of_discriminator_outputs():
  # D(x) = (x w, ...): R1 = |w|^2 per example (Mescheder et al. 2018, eq. 9).
  w = np.array([[1.0], [2.0], [-2.0]], np.float32)

  def discriminator(data, unused_inputs):
    logits = tf.matmul(data, w)
    return {'logits': logits, 'embeddings': tf.tile(logits, [1, E]),
            'proxies': tf.ones([tf.shape(data)[0], E])}
  value = wargs.r1_penalty(tf.ones([B, 3]), None, discriminator, None)
  np.testing.assert_allclose(value.numpy(), 9.0, rtol=1e-6)

  def multi_hinge_head(data, unused_inputs):
    return DiscriminatorOutputs(class_logits=tf.tile(tf.matmul(data, w),
                                                     [1, K + 1]))
  with pytest.raises(ValueError, match=r'The discriminator output the penalty '
                     r'differentiates has no `logits` \(a real/fake logit per '
                     r'example\), only `class_logits`; heads that give one: '
                     r'concat, projection, ac, projection_ac, d2dce'):
    wargs.r1_penalty(tf.ones([B, 3]), None, multi_hinge_head, None)
