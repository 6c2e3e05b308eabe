# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Conditional digits runs: heads, conditional losses, SNGAN's networks.

--conditional_head and --conditional_loss (conditioning.py) through the
three trainers: the flag errors (before anything is built), what `auto`
means per trainer and network, one MNIST run per trainer with a projection
head and a conditional loss (a few steps, batch 8, tiny widths; an eval of
1,000 samples instead of 10,000, 5 CAS steps) that writes the per-class
grids and the metrics, and resumes (gan_train's checkpoints, Keras'
backups; GANEstimator resumes as tested in train_lib_test.py). What the runs reach is the benchmark's
business (benchmarks/mnist.py --study=conditional).
"""

import json
import os

from absl import flags
import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.digits import conditioning
from examples.digits import eval_lib
from examples.digits import networks
from examples.digits import train_lib

# A grid of 10 x 10 tiles of 28 pixels with 1-pixel gaps (eval_lib's and
# SampleGrid's padding): 10 * 29 - 1 pixels a side; SampleGrid's per-class
# grid has 8 columns: 8 * 29 - 1.
_GRID_SIDE = 289
_KERAS_GRID = (289, 231)


def _hparams(train_log_dir, **overrides):
  tiny = dict(batch_size=8, max_number_of_steps=2, log_every_n_steps=1,
              save_summaries_steps=1, save_checkpoint_steps=2, noise_dims=8,
              generator_channels=4, discriminator_channels=4, grid_size=2,
              cas_steps=5, eval=False, conditional=True)
  return train_lib.HParams(train_log_dir=str(train_log_dir),
                           **dict(tiny, **overrides))


def _parse(*argv):
  fv = flags.FlagValues()
  train_lib.define_flags(fv)
  hparams_lib.define_preset_flag(fv)
  fv(['prog', '--train_log_dir=/tmp/unused'] + list(argv))
  return hparams_lib.from_flags(train_lib.HParams, fv, train_lib.PRESETS)


# ----------------------------------------------------------- what `auto` is ---


@pytest.mark.parametrize('networks_name,trainer,expected', [
    ('dcgan', 'gan_train', (conditioning.NETWORK, 'acgan')),  # ACGAN
    ('dcgan', 'keras', (conditioning.NETWORK, None)),  # concatenation
    ('tfgan_mnist', 'gan_train', (conditioning.NETWORK, None)),
    ('tfgan_mnist', 'keras', (conditioning.NETWORK, None)),
    ('tfgan_mnist', 'estimator', (conditioning.NETWORK, None)),  # gan_model
    ('sngan_cnn', 'gan_train', ('projection', None)),
    ('sngan_resnet', 'estimator', ('projection', None)),
    ('sngan_cnn', 'keras', ('projection', None)),
])
def test_auto_keeps_each_trainer_s_conditioning(networks_name, trainer,
                                                expected):
  hparams = train_lib.HParams(networks=networks_name, trainer=trainer,
                              conditional=True)
  assert tuple(conditioning.resolve(hparams)) == expected
  assert conditioning.resolve(hparams._replace(conditional=False)) is None


def test_auto_loss_is_the_head_s_own_and_gan_loss_its_adversarial_part():
  resolve = lambda **f: tuple(conditioning.resolve(train_lib.HParams(
      conditional=True, gan_loss='hinge', **f)))
  assert resolve(conditional_head='ac') == ('ac', 'acgan')
  assert resolve(conditional_head='projection_ac') == (
      'projection_ac', 'auxiliary_multi_hinge')
  assert resolve(conditional_head='projection') == ('projection', None)
  assert resolve(conditional_head='projection_ac',
                 conditional_loss='acgan') == ('projection_ac', 'acgan')
  assert set(conditioning.HEAD_LOSSES) == set(tfgan_ext.losses.head_names())
  assert set(conditioning.AUTO_HEADS) == set(networks.SNGAN)
  # The TF-GAN pair: the conditional loss with --gan_loss as its adversarial
  # part (d2dce's own is hinge; here least squares).
  pair = conditioning.loss_pair(train_lib.HParams(
      conditional=True, conditional_head='d2dce', gan_loss='least_squares'))
  assert pair.generator_loss_fn.keywords['adversarial_loss_fn'] is (
      tfgan_ext.losses.get('least_squares').generator_loss_fn)
  assert pair.discriminator_loss_fn.keywords['condition_weight'] == 0.5
  # Keras: the conditional name when --gan_loss is the paper's adversarial
  # part (d2dce: hinge; acgan: modified, alias non_saturating), else the
  # pair with --gan_loss.
  keras_loss = lambda head, gan_loss: conditioning.keras_loss(
      train_lib.HParams(conditional=True, conditional_head=head,
                        gan_loss=gan_loss))
  assert keras_loss('d2dce', 'hinge') == 'd2dce'
  assert keras_loss('ac', 'non_saturating') == 'acgan'
  assert keras_loss('multi_hinge', 'non_saturating') == 'multi_hinge'
  assert keras_loss('projection', 'hinge') == 'hinge'
  other = keras_loss('ac', 'hinge')
  assert other.generator_loss_fn.keywords['adversarial_loss_fn'] is (
      tfgan_ext.losses.get('hinge').generator_loss_fn)


def test_sngan_keeps_no_penalty_where_the_dcgan_gets_r1():
  # digits' presets add R1 to hinge without a penalty (measured on the
  # DCGAN); SNGAN's networks are spectrally normalized and keep none.
  assert _parse('--gan_loss=hinge').penalty == 'r1'
  assert _parse('--gan_loss=hinge', '--networks=sngan_cnn').penalty == 'none'
  assert _parse('--gan_loss=hinge', '--networks=sngan_resnet',
                '--conditional', '--conditional_head=d2dce').penalty == 'none'


# ------------------------------------------------------------ flag errors ---


@pytest.mark.parametrize('fields,message', [
    (dict(conditional=False, conditional_head='projection'),
     'need --conditional'),
    (dict(conditional=False, conditional_loss='d2dce'), 'need --conditional'),
    # check_head_and_loss's message, naming both.
    (dict(conditional_head='projection', conditional_loss='multi_hinge'),
     "Loss 'multi_hinge' does not fit head 'projection'.*projection_ac"),
    (dict(conditional_head='ac', conditional_loss='none', gan_loss='hinge'),
     "Loss 'hinge' does not fit head 'ac'.*--conditional_loss=none trains "
     'the ac head with --gan_loss=hinge alone'),
    (dict(conditional_head='d2dce', conditional_loss='acgan'),
     "Loss 'acgan' does not fit head 'd2dce'"),
    (dict(conditional_head='multi_hinge', gan_loss='hinge'),
     'whole GAN loss.*drop --gan_loss=hinge'),
    (dict(conditional_head='multi_hinge', penalty='r1'),
     '--penalty=r1 read.*multi_hinge head has none.*drop --penalty'),
    (dict(conditional_head='multi_hinge', augment='ada', lecam_weight=0.3),
     '--augment=ada and --lecam_weight=0.3 read.*logit.*'
     'drop --augment and --lecam_weight'),
    (dict(conditional_head='multi_hinge', zcr_weight=5.0),
     '--zcr_weight=5.0 read'),
    (dict(conditional_head='multi_hinge', bcr_weight=10.0),
     '--bcr_weight=10.0 read'),
    (dict(conditional_loss='d2dce'),  # auto on the DCGAN: its ACGAN
     '--conditional_loss=d2dce does not fit --conditional_head=auto'),
    (dict(trainer='estimator'), '--conditional.*--trainer=gan_train'),
    (dict(networks='sngan_cnn', spectral_norm=True),
     'spectrally normalized already'),
    (dict(networks='sngan_cnn', feature_matching_weight=1.0),
     'expose no features function'),
    (dict(trainer='keras', conditional_head='d2dce', gan_loss='hinge',
          feature_matching_weight=1.0), 'head returns several'),
])
def test_what_cannot_train_is_refused_before_anything_is_built(
    tmp_path, fields, message):
  with pytest.raises(ValueError, match=message):
    train_lib.train(_hparams(tmp_path / 'run', **fields))
  assert not (tmp_path / 'run').exists()


def test_a_bad_pair_is_a_flag_error_on_the_command_line():
  with pytest.raises(flags.IllegalFlagValueError,
                     match="Loss 'multi_hinge' does not fit head 'concat'"):
    _parse('--conditional', '--conditional_head=concat',
           '--conditional_loss=multi_hinge')
  with pytest.raises(flags.IllegalFlagValueError, match='need --conditional'):
    _parse('--conditional_head=projection')
  with pytest.raises(flags.IllegalFlagValueError, match='value should be one '
                     'of'):
    _parse('--conditional', '--conditional_head=pd')
  with pytest.raises(flags.IllegalFlagValueError, match='--lecam_weight=0.3 '
                     'read'):
    _parse('--conditional', '--conditional_head=multi_hinge',
           '--lecam_weight=0.3')
  # The default --gan_loss under another of its names is still the default.
  assert _parse('--conditional', '--conditional_head=multi_hinge',
                '--gan_loss=modified').conditional_loss == 'auto'


# ----------------------------------------------- add-ons on a head's outputs ---


@pytest.mark.parametrize('trainer', ['gan_train', 'keras'])
def test_addons_read_the_logits_of_a_head_s_outputs(tmp_path, trainer):
  # ADA, LeCam and zCR read the real/fake logits of D's outputs: of the
  # D2D-CE head's DiscriminatorOutputs (logits, embeddings, proxies), the
  # logits; R1 (lazily) likewise. The scikit-learn digits, DCGAN.
  hparams = _hparams(tmp_path, trainer=trainer, conditional_head='d2dce',
                     gan_loss='hinge', augment='ada', ada_interval=1,
                     lecam_weight=0.3, lecam_start=1, zcr_weight=1.0,
                     penalty='r1', penalty_every=2, batch_size=16)
  result = train_lib.train(hparams)
  if trainer == 'keras':
    history = result['history']
    for name in ('ada_p', 'lecam_penalty', 'zcr_penalty', 'r1_penalty'):
      assert np.all(np.isfinite(history[name])), name
    return
  reader = tf.train.load_checkpoint(str(tmp_path))
  assert reader.get_tensor('ada_steps') == 2
  assert reader.get_tensor('lecam_steps') == 2
  assert np.isfinite(reader.get_tensor('lecam_real_anchor'))
  names = reader.get_variable_to_shape_map()
  assert 'Discriminator/d2dce_head/class_embedding/embeddings' in names


# ------------------------------------------------- MNIST, one run a trainer ---


def _check_conditional_eval(result, head, loss):
  assert result['conditional_head'] == head
  assert result['conditional_loss'] == loss
  per_class = result['intra_class_fcd_per_class']
  floors = result['intra_class_fcd_floor_per_class']
  assert len(per_class) == len(floors) == 10
  assert result['intra_class_fcd'] == pytest.approx(np.mean(per_class))
  assert result['intra_class_fcd_floor'] == pytest.approx(np.mean(floors))
  # A few steps of training: far from real images, class by class.
  assert min(per_class) > max(floors) > 0
  assert 0.0 <= result['classification_accuracy_score'] <= 1.0
  assert 0.0 <= result['conditional_accuracy'] <= 1.0
  for name in ('precision', 'recall'):
    assert 0.0 <= result[name] <= 1.0
  assert result['fcd'] > result['fcd_real_vs_real'] > 0
  with open(os.path.join(os.path.dirname(result['grid']),
                         'metrics.json')) as f:
    stored = json.load(f)
  assert stored['intra_class_fcd_per_class'] == per_class
  grid = tf.io.decode_png(tf.io.read_file(result['grid'])).numpy()
  assert grid.shape[:2] == (_GRID_SIDE, _GRID_SIDE)
  assert any('intra-class FCD' in line
             for line in eval_lib.summary_lines(result))


@pytest.fixture
def small_eval(monkeypatch, mnist_cache):
  """1,000 eval samples (100 per class) instead of 10,000."""
  del mnist_cache
  monkeypatch.setattr(eval_lib, 'MNIST_EVAL_IMAGES', 1000)


def test_gan_train_projection_ac_with_auxiliary_multi_hinge(tmp_path,
                                                            small_eval):
  # PD + MH (Kavalerov et al.'s ImageNet critic) on SNGAN's standard CNN,
  # hinge as its adversarial part, R1 on the projection logit.
  del small_eval
  hparams = _hparams(tmp_path, dataset='mnist', mnist_source='package',
                     networks='sngan_cnn', conditional_head='projection_ac',
                     gan_loss='hinge', penalty='r1', penalty_weight=1.0,
                     eval=True)
  result = train_lib.train(hparams)
  _check_conditional_eval(result, 'projection_ac', 'auxiliary_multi_hinge')
  reader = tf.train.load_checkpoint(str(tmp_path))
  names = reader.get_variable_to_shape_map()
  assert names['Discriminator/projection_ac_head/class_linear/w'] == [
      4 * 4 * 8 * 4, 10]  # SNGAN CNN's 4 x 4 x 8w features, w = 4.
  assert 'Generator/bn1/gamma' in names  # Conditional batch norm.
  # The same command with a larger budget resumes from step 2.
  train_lib.train(hparams._replace(max_number_of_steps=3, eval=False))
  assert tf.train.latest_checkpoint(str(tmp_path)).endswith('-3')


def _train_projection(tmp_path, trainer, **more):
  """SNGAN's CNN with the projection head and hinge on MNIST: (hparams,
  the evaluated result)."""
  hparams = _hparams(tmp_path, trainer=trainer, dataset='mnist',
                     mnist_source='package', networks='sngan_cnn',
                     conditional_head='projection', gan_loss='hinge',
                     eval=True, **more)
  result = train_lib.train(hparams)
  _check_conditional_eval(result, 'projection', None)
  return hparams, result


def test_keras_projection_with_hinge(tmp_path, small_eval):
  del small_eval
  hparams, result = _train_projection(tmp_path, 'keras',
                                      save_checkpoint_steps=1)
  assert result['steps'] == 2
  # The per-class SampleGrid: one row per class, at each epoch.
  grid = tf.io.decode_png(tf.io.read_file(str(
      tmp_path / 'samples' / 'epoch_0002.png'))).numpy()
  assert grid.shape == _KERAS_GRID + (1,)
  resumed = train_lib.train(hparams._replace(max_number_of_steps=3,
                                             eval=False))
  assert resumed['steps'] == 3


def test_estimator_projection_with_hinge(tmp_path, small_eval):
  del small_eval
  # GANEstimator's image summaries tile 4 x 4: batch 16.
  _, result = _train_projection(tmp_path, 'estimator', batch_size=16)
  assert result['estimator_global_step'] == 2
  predicted = tf.io.decode_png(tf.io.read_file(os.path.join(
      str(tmp_path), 'eval', 'estimator_predict_grid.png'))).numpy()
  assert predicted.shape[:2] == (_GRID_SIDE, _GRID_SIDE)


def test_class_rows_puts_class_k_in_row_k():
  labels = np.array([3, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3])
  images = labels.reshape(-1, 1, 1, 1).astype(np.float32)
  rows = eval_lib.class_rows(images, labels, per_row=3)
  np.testing.assert_array_equal(rows[:, 0, 0, 0],
                                [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
  with pytest.raises(ValueError, match='class 0 needs 4 images, got 3'):
    eval_lib.class_rows(images, labels, per_row=4)
