// One shared wink-nlp instance: loading the model costs ~100 ms, so it is done once, lazily.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;
let instance: WinkNLP | undefined;

export function nlp(): WinkNLP {
  instance ??= winkNLP(model);
  return instance;
}
