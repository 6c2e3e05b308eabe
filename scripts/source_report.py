# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What a reader (and an editor) sees of tfgan_ext's source, measured.

  .venv/bin/python scripts/source_report.py [--paths] [--json]

1. Names in `__all__` of `tfgan_ext.losses`, `.losses.wargs` and
   `.losses.tuple_losses` that are not bound in their module's source, read
   as static tools read it: `def`, `class`, assignments and imports bind
   names; `from m import *` binds the names of m's `__all__` when that is a
   literal list (or a `+` of literal lists and other modules' `__all__`).
2. Loss functions (`wargs` and the GANModel-style `tuple_losses`) whose
   written `def` lists other parameters than `inspect.signature` reports
   (for a wrapper, the innermost function's `def`).
3. Lines per module: the largest project files.
4. With --paths, how far the common paths reach: for `examples.toy2d.train
   --gan_loss=hinge` (graph construction) and for the Keras
   `loss='hinge'` argument (compile and one train step), the project files
   on the call stack when the hinge loss body runs, the other files whose
   functions are called with the name 'hinge', and (toy2d) those whose
   functions are called with HParams holding it and read its `gan_loss`:
   every file a reader opens from the flag to the loss body, name
   resolution included; and the project calls and files made while
   building hinge with lazy R1 through `tfgan.gan_loss`.

tests/source_bindings_test.py checks items 1 and 2 stay at zero and the
toy2d path at 6 files or fewer."""

import ast
import importlib
import inspect
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOSS_MODULES = ('tfgan_ext.losses', 'tfgan_ext.losses.wargs',
                'tfgan_ext.losses.tuple_losses')


# --------------------------------------------------------- static binding ---


def _module_file(module_name):
  spec = importlib.util.find_spec(module_name)
  return spec.origin if spec else None


def _parse(module_name):
  path = _module_file(module_name)
  if path is None or not path.endswith('.py'):
    return None
  with open(path, encoding='utf-8') as f:
    return ast.parse(f.read(), path)


def _resolve(module_name, level, current):
  """The absolute name of `from <level dots><module_name> import ...`."""
  if not level:
    return module_name
  package = current.rsplit('.', level)[0] if not current.endswith(
      '__init__') else current
  return '%s.%s' % (package, module_name) if module_name else package


def _static_all(module_name, seen=None):
  """`__all__` of a module as static tools evaluate it, or None."""
  seen = set() if seen is None else seen
  if module_name in seen:
    return None
  seen.add(module_name)
  tree = _parse(module_name)
  if tree is None:
    return None
  imported = {}
  for node in tree.body:
    if isinstance(node, ast.ImportFrom):
      base = _resolve(node.module, node.level, module_name)
      for alias in node.names:
        imported[alias.asname or alias.name] = '%s.%s' % (base, alias.name)
    elif isinstance(node, ast.Import):
      for alias in node.names:
        imported[alias.asname or alias.name.split('.')[0]] = alias.name

  def evaluate(expr):
    if isinstance(expr, (ast.List, ast.Tuple)):
      if all(isinstance(e, ast.Constant) and isinstance(e.value, str)
             for e in expr.elts):
        return [e.value for e in expr.elts]
      return None
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
      left, right = evaluate(expr.left), evaluate(expr.right)
      return None if left is None or right is None else left + right
    if (isinstance(expr, ast.Attribute) and expr.attr == '__all__'
        and isinstance(expr.value, ast.Name)
        and expr.value.id in imported):
      return _static_all(imported[expr.value.id], seen)
    return None

  names = None
  for node in tree.body:
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == '__all__' for t in node.targets):
      names = evaluate(node.value)
    elif (isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)
          and node.target.id == '__all__'):
      more = evaluate(node.value)
      names = None if names is None or more is None else names + more
  return names


def bound_names(module_name):
  """Names bound at the top level of a module's source (static reading)."""
  tree = _parse(module_name)
  names = set()
  for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                         ast.ClassDef)):
      names.add(node.name)
    elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
      targets = node.targets if isinstance(node, ast.Assign) else [
          node.target]
      for target in targets:
        for sub in ast.walk(target):
          if isinstance(sub, ast.Name):
            names.add(sub.id)
    elif isinstance(node, ast.Import):
      for alias in node.names:
        names.add(alias.asname or alias.name.split('.')[0])
    elif isinstance(node, ast.ImportFrom):
      for alias in node.names:
        if alias.name == '*':
          star = _static_all(_resolve(node.module, node.level, module_name))
          names.update(star or ())
        else:
          names.add(alias.asname or alias.name)
  return names


def unbound_public_names(module_name):
  """Names of the module's (run-time) `__all__` not bound in its source."""
  module = importlib.import_module(module_name)
  return sorted(set(module.__all__) - bound_names(module_name))


# ------------------------------------------------------- written signatures ---


def written_parameters(fn):
  """Parameter names of the `def` that defines `fn` (unwrapped)."""
  inner = inspect.unwrap(fn)
  code = inner.__code__
  with open(code.co_filename, encoding='utf-8') as f:
    tree = ast.parse(f.read())
  for node in ast.walk(tree):
    if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name == code.co_name
        and min([node.lineno] + [d.lineno for d in node.decorator_list])
        == code.co_firstlineno):
      args = node.args
      params = [a.arg for a in args.posonlyargs + args.args]
      if args.vararg:
        params.append('*' + args.vararg.arg)
      params += [a.arg for a in args.kwonlyargs]
      if args.kwarg:
        params.append('**' + args.kwarg.arg)
      return params
  raise LookupError('No def of %s in %s' % (code.co_name, code.co_filename))


def signature_parameters(fn):
  params = []
  for p in inspect.signature(fn).parameters.values():
    prefix = {p.VAR_POSITIONAL: '*', p.VAR_KEYWORD: '**'}.get(p.kind, '')
    params.append(prefix + p.name)
  return params


def loss_functions():
  """{'wargs.name' or 'tuple_losses.name': fn}, defined in tfgan_ext."""
  functions = {}
  for module_name in ('tfgan_ext.losses.wargs',
                      'tfgan_ext.losses.tuple_losses'):
    module = importlib.import_module(module_name)
    for name in module.__all__:
      fn = getattr(module, name)
      if inspect.isfunction(fn) and fn.__module__.startswith('tfgan_ext.'):
        functions['%s.%s' % (module_name.rsplit('.', 1)[1], name)] = fn
  return functions


def rewritten_signatures():
  """{name: (written, signature)} of loss functions where the two differ."""
  differ = {}
  for name, fn in loss_functions().items():
    written, actual = written_parameters(fn), signature_parameters(fn)
    if written != actual:
      differ[name] = (written, actual)
  return differ


# ------------------------------------------------------------------ lines ---


def project_files():
  found = []
  for top in ('tfgan_ext', 'examples', 'benchmarks', 'tests', 'scripts',
              'tools'):
    for directory, _, files in os.walk(os.path.join(ROOT, top)):
      if '__pycache__' in directory:
        continue
      found += [os.path.join(directory, f) for f in files
                if f.endswith('.py')]
  return sorted(found)


def line_counts():
  counts = {}
  for path in project_files():
    with open(path, encoding='utf-8') as f:
      counts[os.path.relpath(path, ROOT)] = sum(1 for _ in f)
  return counts


# ------------------------------------------------------------------ paths ---


class _Tracer:
  """Records calls into project files (not tests, not this script)."""

  def __init__(self, value=None, body=None):
    self.value = value
    self.body = body  # (file suffix, function name)
    self.calls = 0
    self.files = set()
    self.value_files = set()  # Called with the value itself.
    self.carrier_files = set()  # Called with HParams holding it.
    self.stack_files = set()

  @staticmethod
  def _project(filename):
    return (filename.startswith(ROOT) and '/tests/' not in filename
            and not filename.endswith('source_report.py')
            and '/.venv' not in filename)

  def _arguments(self, frame):
    code = frame.f_code
    return [frame.f_locals.get(name) for name in
            code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]]

  def __call__(self, frame, event, arg):
    del arg
    if event != 'call':
      return
    filename = frame.f_code.co_filename
    if not self._project(filename):
      return
    if not frame.f_code.co_name.startswith('<'):  # Not a comprehension.
      self.calls += 1
    rel = os.path.relpath(filename, ROOT)
    self.files.add(rel)
    if self.value is not None:
      arguments = self._arguments(frame)
      if any(isinstance(a, str) and a == self.value for a in arguments):
        self.value_files.add(rel)
      elif 'gan_loss' in frame.f_code.co_names and any(
          getattr(a, 'gan_loss', None) == self.value
          for a in arguments if hasattr(a, '_fields')):
        self.carrier_files.add(rel)  # Gets HParams and reads .gan_loss.
    if self.body and filename.endswith(self.body[0]) and (
        frame.f_code.co_name == self.body[1]):
      walk = frame
      while walk is not None:
        if self._project(walk.f_code.co_filename):
          self.stack_files.add(os.path.relpath(walk.f_code.co_filename, ROOT))
        walk = walk.f_back

  def run(self, fn):
    sys.setprofile(self)
    try:
      return fn()
    finally:
      sys.setprofile(None)


def _flag_path(tmp):
  from absl import flags  # pylint: disable=g-import-not-at-top
  from examples.toy2d import train  # pylint: disable=g-import-not-at-top
  flags.FLAGS(['train', '--train_log_dir=' + tmp, '--gan_loss=hinge',
               '--max_number_of_steps=0', '--noeval'])
  tracer = _Tracer('hinge', ('losses_impl.py', 'hinge_generator_loss'))
  tracer.run(lambda: train.main([]))
  path = {'stack': sorted(tracer.stack_files),
          'name': sorted(tracer.value_files - tracer.stack_files),
          'hparams': sorted(tracer.carrier_files - tracer.value_files -
                            tracer.stack_files)}
  path['total'] = len(path['stack']) + len(path['name']) + len(
      path['hparams'])
  return path


def _lazy_r1_calls():
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  layers = tf.compat.v1.layers
  with tf.Graph().as_default():
    model = tfgan.gan_model(
        generator_fn=lambda z: layers.dense(z, 2),
        discriminator_fn=lambda x, unused: layers.dense(x, 1),
        real_data=tf.zeros([4, 2]), generator_inputs=tf.zeros([4, 2]))
    tracer = _Tracer()

    def build():
      pair = tfgan_ext.losses.get('hinge')
      tfgan.gan_loss(model, generator_loss_fn=pair.generator_loss_fn,
                     discriminator_loss_fn=tfgan_ext.losses.with_penalty(
                         pair.discriminator_loss_fn, 'r1', weight=5.0,
                         every=16))
    tracer.run(build)
  return tracer.calls, sorted(tracer.files)


def _keras_path():
  import keras  # pylint: disable=g-import-not-at-top
  import numpy as np  # pylint: disable=g-import-not-at-top
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2)])
  discriminator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
  data = tf.data.Dataset.from_tensors(
      (np.zeros([4, 2], np.float32), np.zeros([4, 2], np.float32))).repeat()
  tracer = _Tracer('hinge', ('losses_impl.py', 'hinge_generator_loss'))

  def run():
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(keras.optimizers.Adam(), keras.optimizers.Adam(),
                loss='hinge', run_eagerly=True)
    gan.fit(data, epochs=1, steps_per_epoch=1, verbose=0)
  tracer.run(run)
  return {'stack': sorted(tracer.stack_files),
          'name': sorted(tracer.value_files - tracer.stack_files)}


def report(paths=False):
  """The measurements as a dict."""
  sys.path.insert(0, ROOT)
  result = {
      'unbound_public_names': {m: unbound_public_names(m)
                               for m in LOSS_MODULES},
      'rewritten_signatures': sorted(rewritten_signatures()),
  }
  result['loss_functions'] = len(loss_functions())
  counts = line_counts()
  result['largest_files'] = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
  result['files_over_400_lines'] = sorted(f for f, n in counts.items()
                                          if n > 400)
  result['library_modules'] = {f: n for f, n in sorted(counts.items())
                               if f.startswith('tfgan_ext/')}
  if paths:
    import tempfile  # pylint: disable=g-import-not-at-top
    with tempfile.TemporaryDirectory() as tmp:
      result['gan_loss_flag_path'] = _flag_path(tmp)
    calls, files = _lazy_r1_calls()
    result['hinge_lazy_r1'] = {'calls': calls, 'files': files}
    result['keras_loss_path'] = _keras_path()
  return result


def main(argv):
  result = report(paths='--paths' in argv)
  if '--json' in argv:
    print(json.dumps(result, indent=1))
    return
  unbound = result['unbound_public_names']
  print('names in __all__ not bound in source: %d' % sum(
      len(v) for v in unbound.values()))
  for module, names in unbound.items():
    print('  %s: %d%s' % (module, len(names),
                          (' (' + ', '.join(names[:4]) + ', ...)')
                          if names else ''))
  print('loss defs (wargs and GANModel-style) whose parameters differ from '
        'their signature: %d of %d' % (len(result['rewritten_signatures']),
                                       result['loss_functions']))
  print('files over 400 lines: %s' % (
      ', '.join(result['files_over_400_lines']) or 'none'))
  print('largest: %s' % ', '.join('%s %d' % kv
                                  for kv in result['largest_files']))
  if 'gan_loss_flag_path' in result:
    for label, path in (('--gan_loss=hinge (toy2d)',
                         result['gan_loss_flag_path']),
                        ("Keras loss='hinge'", result['keras_loss_path'])):
      print('%s: %s%d project files on the stack at the loss body (%s); '
            '%d more handle the name (%s)%s' % (
                label, '%d files in all: ' % path['total']
                if 'total' in path else '',
                len(path['stack']), ', '.join(path['stack']),
                len(path['name']), ', '.join(path['name']),
                '; %d more read it from HParams (%s)' % (
                    len(path['hparams']), ', '.join(path['hparams']))
                if path.get('hparams') else ''))
    lazy = result['hinge_lazy_r1']
    print('hinge + lazy R1 through tfgan.gan_loss: %d project calls in %d '
          'files: %s' % (lazy['calls'], len(lazy['files']),
                         ', '.join(lazy['files'])))


if __name__ == '__main__':
  main(sys.argv[1:])
